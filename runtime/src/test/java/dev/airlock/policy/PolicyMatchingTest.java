package dev.airlock.policy;

import static dev.airlock.policy.Calls.DEV;
import static dev.airlock.policy.Calls.call;
import static dev.airlock.policy.Calls.destructive;
import static dev.airlock.policy.Calls.policy;
import static dev.airlock.policy.Calls.read;
import static dev.airlock.policy.Calls.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which calls a statement's Action and Resource take in. */
class PolicyMatchingTest {

    private static String winner(Policy p, Call call) {
        return p.evaluate(call, DEV).statementId();
    }

    @Nested
    class Actions {

        private final Policy p = policy("""
                Statement:
                  - Sid: DeleteAnything
                    Effect: Deny
                    Action: "*:Delete*"
                  - Sid: OneLetter
                    Effect: DryRun
                    Action: "ec2:Terminate?nstances"
                  - Sid: AllOfIam
                    Effect: RequireApproval
                    Action: "iam:*"
                """);

        @Test
        void matchWildcardsWhateverTheCase() {
            assertThat(winner(p, destructive("s3:DeleteBucket"))).isEqualTo("DeleteAnything");
            assertThat(winner(p, destructive("dynamodb:DELETETABLE"))).isEqualTo("DeleteAnything");
            assertThat(winner(p, destructive("ec2:TerminateInstances"))).isEqualTo("OneLetter");
            assertThat(winner(p, destructive("EC2:terminateinstances"))).isEqualTo("OneLetter");
            assertThat(winner(p, write("iam:AttachRolePolicy"))).isEqualTo("AllOfIam");
        }

        @Test
        void doNotMatchOtherActions() {
            assertThat(winner(p, destructive("s3:PutBucketPolicy"))).isEqualTo("default:destructive");
            assertThat(winner(p, destructive("ec2:TerminateInstancesNow"))).isEqualTo("default:destructive");
            assertThat(winner(p, read("iamx:ListRoles"))).isEqualTo("default:read");
            assertThat(winner(p, read("s3:ListBucket"))).isEqualTo("default:read");
        }

        @Test
        void notActionTakesInEveryOtherAction() {
            Policy reads = policy("""
                    Statement:
                      - Sid: OnlyReadsOfS3
                        Effect: RequireApproval
                        NotAction: ["s3:Get*", "s3:List*"]
                    """);
            assertThat(winner(reads, read("s3:GetObject"))).isEqualTo("default:read");
            assertThat(winner(reads, read("s3:ListBuckets"))).isEqualTo("default:read");
            assertThat(winner(reads, write("s3:PutObject"))).isEqualTo("OnlyReadsOfS3");
            assertThat(winner(reads, read("dynamodb:GetItem"))).isEqualTo("OnlyReadsOfS3");
        }

        @Test
        void aRestrictiveStatementTakesInACallWhenAnyOfItsActionsMatches() {
            Policy p = policy("""
                    Statement:
                      - Sid: NoPuts
                        Effect: Deny
                        Action: s3:PutObject
                    """);
            Call copy = call("s3:CopyObject", Classification.WRITE)
                    .actions(List.of("s3:GetObject", "s3:PutObject")).build();
            assertThat(winner(p, copy)).isEqualTo("NoPuts");
        }

        @Test
        void anAllowTakesInACallOnlyWhenAllOfItsActionsMatch() {
            Policy p = policy("""
                    Statement:
                      - Sid: Reads
                        Effect: Allow
                        Action: "s3:Get*"
                      - Sid: ReadsAndPuts
                        Effect: Allow
                        Action: ["s3:Get*", "s3:PutObject"]
                    """);
            Call copy = call("s3:CopyObject", Classification.DESTRUCTIVE)
                    .actions(List.of("s3:GetObject", "s3:PutObject")).build();
            assertThat(winner(p, copy)).isEqualTo("ReadsAndPuts");

            Policy readsOnly = policy("""
                    Statement:
                      - Sid: Reads
                        Effect: Allow
                        Action: "s3:Get*"
                    """);
            assertThat(winner(readsOnly, copy)).isEqualTo("default:destructive");
        }

        @Test
        void aRestrictiveNotActionTakesInACallWhenAnyOfItsActionsIsOutsideTheList() {
            Policy p = policy("""
                    Statement:
                      - Sid: OnlyGets
                        Effect: Deny
                        NotAction: "s3:Get*"
                    """);
            Call copy = call("s3:CopyObject", Classification.WRITE)
                    .actions(List.of("s3:GetObject", "s3:PutObject")).build();
            assertThat(winner(p, copy)).isEqualTo("OnlyGets");
            Call get = call("s3:GetObject", Classification.READ)
                    .actions(List.of("s3:GetObject", "s3:GetObjectVersion")).build();
            assertThat(winner(p, get)).isEqualTo("default:read");
        }
    }

    @Nested
    class Resources {

        private final Policy p = policy("""
                Statement:
                  - Sid: ProdIsHeld
                    Effect: RequireApproval
                    Action: "s3:DeleteObject"
                    Resource: "arn:aws:s3:::prod-*"
                  - Sid: ScratchIsFree
                    Effect: Allow
                    Action: "s3:DeleteObject"
                    Resource: ["arn:aws:s3:::scratch/*", "arn:aws:s3:::tmp-??/*"]
                """);

        @Test
        void matchCaseSensitively() {
            assertThat(winner(p, destructive("s3:DeleteObject", "arn:aws:s3:::prod-data/k"))).isEqualTo("ProdIsHeld");
            assertThat(winner(p, destructive("s3:DeleteObject", "arn:aws:s3:::PROD-data/k")))
                    .isEqualTo("default:destructive");
            assertThat(winner(p, destructive("s3:DeleteObject", "arn:aws:s3:::scratch/a"))).isEqualTo("ScratchIsFree");
            assertThat(winner(p, destructive("s3:DeleteObject", "arn:aws:s3:::Scratch/a")))
                    .isEqualTo("default:destructive");
            assertThat(winner(p, destructive("s3:DeleteObject", "arn:aws:s3:::tmp-01/a"))).isEqualTo("ScratchIsFree");
            assertThat(winner(p, destructive("s3:DeleteObject", "arn:aws:s3:::tmp-001/a")))
                    .isEqualTo("default:destructive");
        }

        @Test
        void oneProdKeyAmongAThousandIsEnoughToHoldTheCall() {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 999; i++) {
                keys.add("arn:aws:s3:::scratch/key-" + i);
            }
            keys.add("arn:aws:s3:::prod-data/key-999");
            assertThat(winner(p, destructive("s3:DeleteObject", keys.toArray(String[]::new)))).isEqualTo("ProdIsHeld");
        }

        @Test
        void anAllowCoversAManyResourceCallOnlyWhenItCoversEveryResource() {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                keys.add("arn:aws:s3:::scratch/key-" + i);
            }
            assertThat(winner(p, destructive("s3:DeleteObject", keys.toArray(String[]::new))))
                    .isEqualTo("ScratchIsFree");
            keys.set(500, "arn:aws:s3:::home/key-500");
            assertThat(winner(p, destructive("s3:DeleteObject", keys.toArray(String[]::new))))
                    .isEqualTo("default:destructive");
        }

        @Test
        void anUnknownResourceFallsInEveryRestrictiveStatementAndInNoNarrowAllow() {
            assertThat(winner(p, destructive("s3:DeleteObject"))).isEqualTo("ProdIsHeld");
            assertThat(winner(p, destructive("s3:DeleteObject", "*"))).isEqualTo("ProdIsHeld");

            Policy allowOnly = policy("""
                    Statement:
                      - Sid: ScratchIsFree
                        Effect: Allow
                        Action: "s3:DeleteObject"
                        Resource: "arn:aws:s3:::*"
                      - Sid: Everything
                        Effect: Allow
                        Action: "s3:DeleteBucket"
                        Resource: "*"
                    """);
            assertThat(winner(allowOnly, destructive("s3:DeleteObject", "*"))).isEqualTo("default:destructive");
            assertThat(winner(allowOnly, destructive("s3:DeleteBucket", "*"))).isEqualTo("Everything");
        }

        @Test
        void aResourceWithAnUnknownAccountOrRegionIsJudgedConservatively() {
            Policy tables = policy("""
                    Statement:
                      - Sid: ProdTablesAreKept
                        Effect: Deny
                        Action: dynamodb:DeleteTable
                        Resource: "arn:aws:dynamodb:eu-west-1:111122223333:table/prod-*"
                      - Sid: OurSandbox
                        Effect: Allow
                        Action: dynamodb:DeleteTable
                        Resource: "arn:aws:dynamodb:eu-west-1:111122223333:table/*"
                      - Sid: AnySandbox
                        Effect: Allow
                        Action: dynamodb:DeleteTable
                        Resource: "arn:aws:dynamodb:*:*:table/sandbox-*"
                    """);
            // The account is not known: the table might be prod-users in 111122223333.
            assertThat(winner(tables, destructive("dynamodb:DeleteTable", "arn:aws:dynamodb:eu-west-1:*:table/prod-users")))
                    .isEqualTo("ProdTablesAreKept");
            // Not known to be in our account, so our sandbox Allow does not cover it; the broad one does.
            assertThat(winner(tables, destructive("dynamodb:DeleteTable", "arn:aws:dynamodb:eu-west-1:*:table/sandbox-1")))
                    .isEqualTo("AnySandbox");
            assertThat(winner(tables, destructive("dynamodb:DeleteTable", "arn:aws:dynamodb:eu-west-1:*:table/dev-1")))
                    .isEqualTo("default:destructive");
            assertThat(winner(tables, destructive("dynamodb:DeleteTable",
                    "arn:aws:dynamodb:eu-west-1:111122223333:table/dev-1"))).isEqualTo("OurSandbox");
        }

        @Test
        void notResourceTakesInEverythingElse() {
            Policy p = policy("""
                    Statement:
                      - Sid: OnlyScratch
                        Effect: RequireApproval
                        Action: "s3:DeleteObject"
                        NotResource: "arn:aws:s3:::scratch/*"
                      - Sid: AllButProd
                        Effect: Allow
                        Action: "s3:DeleteBucket"
                        NotResource: "arn:aws:s3:::prod-*"
                    """);
            assertThat(winner(p, destructive("s3:DeleteObject", "arn:aws:s3:::scratch/a"))).isEqualTo("default:destructive");
            assertThat(winner(p, destructive("s3:DeleteObject", "arn:aws:s3:::scratch/a", "arn:aws:s3:::home/b")))
                    .isEqualTo("OnlyScratch");
            assertThat(winner(p, destructive("s3:DeleteObject", "*"))).isEqualTo("OnlyScratch");

            assertThat(winner(p, destructive("s3:DeleteBucket", "arn:aws:s3:::dev-1"))).isEqualTo("AllButProd");
            assertThat(winner(p, destructive("s3:DeleteBucket", "arn:aws:s3:::prod-1"))).isEqualTo("default:destructive");
            // An unknown bucket might be a prod one, so the Allow does not take it in.
            assertThat(winner(p, destructive("s3:DeleteBucket", "*"))).isEqualTo("default:destructive");
        }
    }
}
