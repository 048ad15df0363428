package dev.airlock.egress.sdk.credentials;

import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.RoleSessions;
import dev.airlock.credentials.SessionCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

/** The broker's AssumeRole, on Airlock's own STS client and Airlock's own credentials. */
public final class StsRoleSessions implements RoleSessions, AutoCloseable {

    private final StsClient sts;

    public StsRoleSessions(StsClient sts) {
        this.sts = sts;
    }

    @Override
    public SessionCredentials assumeRole(Request r) throws CredentialsException {
        List<Tag> tags = new ArrayList<>();
        for (Map.Entry<String, String> t : r.tags().entrySet()) {
            tags.add(Tag.builder().key(t.getKey()).value(t.getValue()).build());
        }
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(r.roleArn())
                .roleSessionName(r.sessionName())
                .durationSeconds(r.durationSeconds())
                .sourceIdentity(r.sourceIdentity())
                .tags(tags);
        if (r.policy() != null) {
            request.policy(r.policy());
        }
        if (!r.policyArns().isEmpty()) {
            request.policyArns(r.policyArns().stream().map(a -> PolicyDescriptorType.builder().arn(a).build())
                    .toList());
        }
        AssumeRoleResponse response;
        try {
            response = sts.assumeRole(request.build());
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = "STS AssumeRole on " + r.roleArn() + " failed: " + (code == null ? "" : code + ": ")
                    + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
            if ("PackedPolicyTooLarge".equals(code)) {
                throw new PackedPolicyTooLarge(message);
            }
            throw new CredentialsException(message, e);
        } catch (SdkException e) {
            throw new CredentialsException("STS AssumeRole on " + r.roleArn() + " failed: " + e.getMessage(), e);
        }
        Credentials c = response.credentials();
        if (c == null || c.accessKeyId() == null || c.secretAccessKey() == null) {
            throw new CredentialsException("STS AssumeRole on " + r.roleArn() + " answered without credentials");
        }
        return new SessionCredentials(c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), c.expiration(),
                r.policy());
    }

    @Override
    public void close() {
        sts.close();
    }
}
