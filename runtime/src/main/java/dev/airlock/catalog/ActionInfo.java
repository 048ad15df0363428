package dev.airlock.catalog;

import dev.airlock.call.Classification;
import java.util.List;

/** One IAM action from the service reference. */
public record ActionInfo(String name, String servicePrefix, String accessLevel, Classification classification,
                         List<ResourceType> resourceTypes) {

    public ActionInfo {
        resourceTypes = List.copyOf(resourceTypes);
    }
}
