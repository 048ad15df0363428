package dev.airlock.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Classification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionRulesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"DeleteBucket, delete", "BatchDeleteImage, delete", "DELETE, delete", "GET, get",
        "uploadFiles, upload", "Batch, batch", "X, x", "ESHttpDelete, esh"})
    void leadingVerb(String name, String verb) {
        assertThat(ActionRules.verb(name)).isEqualTo(verb);
    }

    @Test
    void wholeWordsOnly() {
        assertThat(ActionRules.containsWord("CreateGrant", "Grant")).isTrue();
        assertThat(ActionRules.containsWord("ListGrants", "Grant")).isTrue();
        assertThat(ActionRules.containsWord("GrantFlowEntitlements", "Grant")).isTrue();
        assertThat(ActionRules.containsWord("GetGrantedThing", "Grant")).isFalse();
        assertThat(ActionRules.containsWord("UpdateTrustedEntitySet", "Trust")).isFalse();
    }

    @ParameterizedTest(name = "{0} at level {1} → {2}")
    @CsvSource({
        "DescribeThing, R, READ", "ListThings, L, READ", "TagThing, T, WRITE", "UntagThing, T, WRITE",
        "AttachThingPolicy, P, DESTRUCTIVE", "GetThingPolicy, P, READ",
        "CreateThing, W, WRITE", "DeleteThing, W, DESTRUCTIVE", "TerminateThing, W, DESTRUCTIVE",
        "StopLogging, W, DESTRUCTIVE", "StopThing, W, WRITE", "DisassociateKmsKey, W, DESTRUCTIVE",
        "PutRetentionPolicy, W, DESTRUCTIVE", "IncreaseRetentionPeriod, W, WRITE",
        "DecreaseStreamRetentionPeriod, W, DESTRUCTIVE", "PutLifecyclePolicy, W, DESTRUCTIVE",
        "PutLifecycleHook, W, WRITE", "PutScalingPolicy, W, WRITE", "PutResourcePolicy, W, DESTRUCTIVE",
        "PutBucketPolicy, W, DESTRUCTIVE", "CreateIAMPolicyAssignment, W, DESTRUCTIVE",
        "AuthorizeSecurityGroupIngress, W, DESTRUCTIVE", "ShareDirectory, W, DESTRUCTIVE",
        "CreateResourceShare, W, DESTRUCTIVE", "OverwriteThing, W, DESTRUCTIVE", "ReplicateDelete, W, DESTRUCTIVE",
        "CreateTrustAnchor, W, DESTRUCTIVE",
    })
    void genericRules(String name, char level, Classification expected) {
        assertThat(ActionRules.classify("madeup", name, level)).isEqualTo(expected);
    }
}
