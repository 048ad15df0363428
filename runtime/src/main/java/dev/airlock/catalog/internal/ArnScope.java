package dev.airlock.catalog.internal;

/** The partition, region and account that fill an ARN template's fixed segments for one call. */
record ArnScope(String partition, String region, String account) {

    static final String ANY = "*";

    /** Unknown region or account become {@code *}; the partition follows from the region. */
    static ArnScope of(String region, String account) {
        String r = region == null || region.isBlank() ? ANY : region;
        String a = account == null || account.isBlank() ? ANY : account;
        return new ArnScope(partitionOf(r), r, a);
    }

    ArnScope withRegion(String otherRegion) {
        return otherRegion == null || otherRegion.isEmpty() ? this : new ArnScope(partitionOf(otherRegion), otherRegion, account);
    }

    ArnScope withAccount(String otherAccount) {
        return otherAccount == null || otherAccount.isEmpty() ? this : new ArnScope(partition, region, otherAccount);
    }

    /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE} in this scope. */
    String arn(String service, String resource) {
        return arn(service, region, account, resource);
    }

    /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, region and account given (either may be empty). */
    String arn(String service, String inRegion, String ofAccount, String resource) {
        return new StringBuilder(24 + service.length() + inRegion.length() + ofAccount.length() + resource.length())
                .append("arn:").append(partition).append(':').append(service).append(':').append(inRegion)
                .append(':').append(ofAccount).append(':').append(resource).toString();
    }

    static String partitionOf(String region) {
        return dev.airlock.catalog.Partition.of(region);
    }
}
