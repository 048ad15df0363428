package dev.airlock.policy.internal;

import dev.airlock.call.Call;

/**
 * The tags of the resources a call touches, for {@code aws:ResourceTag/KEY}. They are not in the request:
 * only a read of the resource can tell them, so until such a probe supplies them every resource tag is
 * unknown, and a condition on one holds only in its {@code IfExists} form.
 */
final class ResourceTags {

    private ResourceTags() {
    }

    /** The value of the tag on the call's resources, or null when it is not known. */
    static String value(Call call, String tagKey) {
        return null;
    }
}
