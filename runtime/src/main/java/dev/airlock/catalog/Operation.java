package dev.airlock.catalog;

import dev.airlock.call.Classification;
import java.util.List;

/** An API operation of one service, mapped to the IAM actions that authorise it. */
public record Operation(String servicePrefix, String name, List<String> actions, Classification classification,
                        boolean known) {

    public Operation {
        actions = List.copyOf(actions);
    }

    /** The main IAM action, for example {@code s3:ListBucket} for ListObjectsV2. */
    public String action() {
        return actions.get(0);
    }
}
