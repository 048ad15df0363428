package dev.airlock.policy;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import java.util.List;

/** Calls and policies for the policy tests. */
final class Calls {

    static final Requester REQUESTER = new Requester("alice", "build-7", 4242, "coding-agent", null);
    static final PolicyContext DEV = new PolicyContext("coding-agent", "dev");
    static final PolicyContext PROD = new PolicyContext("coding-agent", "prod");

    private Calls() {
    }

    /** A call of one IAM action, resources unknown unless set. */
    static Call.Builder call(String action, Classification classification) {
        String[] parts = action.split(":", 2);
        return Call.builder()
                .service(parts[0])
                .operation(parts[1])
                .actions(List.of(action))
                .classification(classification)
                .requester(REQUESTER);
    }

    static Call read(String action, String... resources) {
        return call(action, Classification.READ).resources(List.of(resources)).build();
    }

    static Call write(String action, String... resources) {
        return call(action, Classification.WRITE).resources(List.of(resources)).build();
    }

    static Call destructive(String action, String... resources) {
        return call(action, Classification.DESTRUCTIVE).resources(List.of(resources)).build();
    }

    static Policy policy(String text) {
        try {
            return Policy.parse(text, "test.yaml");
        } catch (PolicyException e) {
            throw new AssertionError("the test policy should parse: " + e.getMessage(), e);
        }
    }
}
