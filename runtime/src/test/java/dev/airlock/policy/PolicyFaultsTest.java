package dev.airlock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of malformed policy is refused with the line of the fault and what to do about it. */
class PolicyFaultsTest {

    static Stream<Arguments> faults() {
        return Stream.of(
                fault("YAML indentation", 4, "YAML syntax", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                             Resource: "*"
                        """),
                fault("an unquoted star", 4, "must be quoted", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                            Resource: *
                        """),
                fault("a value read as a YAML alias", 4, "must be quoted", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                            Resource: *prod
                        """),
                fault("JSON syntax", 3, "JSON syntax", """
                        {"Statement": [
                          {"Effect": "Deny",
                           "Action": "s3:DeleteBucket",,}
                        ]}
                        """),
                fault("an unknown top-level field", 2, "unknown top-level field \"Statment\"; did you mean \"Statement\"?", """
                        Version: "2026-11-01"
                        Statment:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                        """),
                fault("an unknown statement field", 4, "unknown statement field \"Efect\"; did you mean \"Effect\"?", """
                        Statement:
                          - Sid: A
                            Action: s3:DeleteBucket
                            Efect: Deny
                        """),
                fault("a field in the wrong case", 3, "did you mean \"Effect\"?", """
                        Statement:
                          - Action: s3:DeleteBucket
                            effect: Deny
                        """),
                fault("an unknown Effect", 5, "unknown Effect \"Block\"", """
                        Statement:
                          - Effect: Allow
                            Action: s3:GetObject
                          - Action: s3:DeleteBucket
                            Effect: Block
                        """),
                fault("a missing Effect", 2, "has no Effect", """
                        Statement:
                          - Sid: NoEffect
                            Action: s3:DeleteBucket
                        """),
                fault("a missing Action", 5, "statement Lonely has no Action", """
                        Statement:
                          - Effect: Allow
                            Action: s3:GetObject

                          - Sid: Lonely
                            Effect: Deny
                            Resource: "*"
                        """),
                fault("Action and NotAction together", 5, "has both Action and NotAction", """
                        Statement:
                          - Sid: Both
                            Effect: Deny
                            Action: s3:DeleteBucket
                            NotAction: s3:GetObject
                        """),
                fault("Resource and NotResource together", 5, "has both Resource and NotResource", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                            NotResource: "arn:aws:s3:::a"
                            Resource: "arn:aws:s3:::b"
                        """),
                fault("an action without its service", 6, "bad action \"s3DeleteBucket\"", """
                        Statement:
                          - Effect: Deny
                            Action:
                              - s3:DeleteObject
                              - s3:DeleteObjectVersion
                              - s3DeleteBucket
                        """),
                fault("an action with a space", 3, "bad action \"s3:Delete Bucket\"", """
                        Statement:
                          - Effect: Deny
                            Action: "s3:Delete Bucket"
                        """),
                fault("a resource that is not an ARN", 4, "bad resource \"prod-*\"", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                            Resource: prod-*
                        """),
                fault("an unknown condition operator", 5, "unknown condition operator \"StringEqual\"; did you mean \"StringEquals\"?", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                            Condition:
                              StringEqual:
                                airlock:Environment: prod
                        """),
                fault("a numeric operator Airlock does not have", 5, "unknown condition operator \"NumericEquals\"", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                            Condition:
                              NumericEquals:
                                airlock:Environment: 1
                        """),
                fault("an unknown condition key", 7, "unknown condition key \"airlock:Enviroment\"; did you mean \"airlock:Environment\"?", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                            Condition:
                              StringEquals:
                                airlock:Tool: coding-agent
                                airlock:Enviroment: prod
                        """),
                fault("a tag key without the tag", 6, "needs the tag's key", """
                        Statement:
                          - Effect: Deny
                            Action: ec2:RunInstances
                            Condition:
                              StringEquals:
                                aws:RequestTag/: prod
                        """),
                fault("a classification that does not exist", 8, "\"DELETE\" is not a classification", """
                        Statement:
                          - Effect: Deny
                            Action: "*"
                            Condition:
                              StringEquals:
                                airlock:Classification:
                                  - WRITE
                                  - DELETE
                        """),
                fault("Action given as a number", 3, "Action must be a string or a list of strings, not a number", """
                        Statement:
                          - Effect: Deny
                            Action: 5
                        """),
                fault("Effect given as a list", 2, "Effect must be a string, not a list", """
                        Statement:
                          - Effect: [Deny]
                            Action: s3:DeleteBucket
                        """),
                fault("Condition given as a string", 4, "Condition must be a mapping, not a string", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                            Condition: "airlock:Environment == prod"
                        """),
                fault("condition values given as a mapping", 6, "must be a string or a list of strings, not a mapping", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                            Condition:
                              StringEquals:
                                airlock:Environment: { is: prod }
                        """),
                fault("an empty Action list", 3, "Action is an empty list", """
                        Statement:
                          - Effect: Deny
                            Action: []
                        """),
                fault("a statement that is not a mapping", 3, "statement 2 must be a mapping, not a string", """
                        Statement:
                          - { Effect: Deny, Action: s3:DeleteBucket }
                          - Deny everything
                        """),
                fault("RateLimit without Budget", 5, "statement Deletes is a RateLimit without a Budget", """
                        Statement:
                          - Effect: Allow
                            Action: s3:GetObject

                          - Sid: Deletes
                            Effect: RateLimit
                            Action: "*:Delete*"
                        """),
                fault("Budget on a Deny", 4, "Budget belongs only to RateLimit statements", """
                        Statement:
                          - Effect: Deny
                            Action: "*:Delete*"
                            Budget: { PerMinute: 5 }
                        """),
                fault("a negative budget", 6, "PerMinute must be 0 or more, not -5", """
                        Statement:
                          - Effect: RateLimit
                            Action: "*:Delete*"
                            Budget:
                              PerHour: 50
                              PerMinute: -5
                        """),
                fault("a fractional budget", 5, "PerHour must be a whole number, not 1.5", """
                        Statement:
                          - Effect: RateLimit
                            Action: "*:Delete*"
                            Budget:
                              PerHour: 1.5
                        """),
                fault("a budget given as text", 4, "PerMinute must be a whole number, not a string", """
                        Statement:
                          - Effect: RateLimit
                            Action: "*:Delete*"
                            Budget: { PerMinute: "5" }
                        """),
                fault("a budget without a limit", 4, "Budget sets no limit", """
                        Statement:
                          - Effect: RateLimit
                            Action: "*:Delete*"
                            Budget: { Count: calls }
                        """),
                fault("a budget counting something else", 4, "Count must be calls or resources", """
                        Statement:
                          - Effect: RateLimit
                            Action: "*:Delete*"
                            Budget: { PerMinute: 5, Count: bytes }
                        """),
                fault("an unknown budget field", 6, "unknown Budget field \"PerDay\"", """
                        Statement:
                          - Effect: RateLimit
                            Action: "*:Delete*"
                            Budget:
                              PerMinute: 5
                              PerDay: 100
                        """),
                fault("an empty statement list", 2, "Statement is empty", """
                        Version: "2026-11-01"
                        Statement: []
                        """),
                fault("no statement list", 1, "has no Statement", """
                        Version: "2026-11-01"
                        """),
                fault("a duplicate Sid", 8, "duplicate Sid \"Guard\" (also on line 2)", """
                        Statement:
                          - Sid: Guard
                            Effect: Deny
                            Action: s3:DeleteBucket
                          - Effect: Allow
                            Action: s3:GetObject
                          - Effect: Deny
                            Sid: Guard
                            Action: s3:DeleteObject
                        """),
                fault("a Sid that clashes with a generated name", 5, "named \"statement-2\"", """
                        Statement:
                          - Sid: statement-2
                            Effect: Deny
                            Action: s3:DeleteBucket
                          - Effect: Allow
                            Action: s3:GetObject
                        """),
                fault("a Sid with spaces", 2, "Sid \"no prod deletes\" must be", """
                        Statement:
                          - Sid: no prod deletes
                            Effect: Deny
                            Action: s3:DeleteBucket
                        """),
                fault("a key written twice", 4, "\"Action\" is written twice in the same mapping (first on line 3)", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                            Action: s3:DeleteObject
                        """),
                fault("an unknown Version", 1, "unknown Version \"2012-10-17\"", """
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                        """),
                fault("a list at the top", 1, "a policy is a mapping", """
                        - Effect: Deny
                          Action: s3:DeleteBucket
                        """),
                fault("a second YAML document", 5, "one YAML document", """
                        Statement:
                          - Effect: Deny
                            Action: s3:DeleteBucket
                        ---
                        Statement: []
                        """),
                fault("an empty file", 0, "the policy is empty", "\n# nothing here\n"),
                fault("values nested beyond any policy", 1, "nested too deeply",
                        "Statement: " + "[".repeat(200) + "]".repeat(200) + "\n"));
    }

    private static Arguments fault(String what, int line, String message, String text) {
        return Arguments.of(what, line, message, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void isRefusedWithItsLine(String what, int line, String message, String text) {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> Policy.parse(text, "team.yaml"));

        assertThat(e).as("%s should be refused", what).isNotNull();
        assertThat(e.source()).isEqualTo("team.yaml");
        assertThat(e.line()).as("line of %s in: %s", what, e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).startsWith(line > 0 ? "team.yaml:" + line + ": " : "team.yaml: ").contains(message);
    }
}
