package dev.airlock.catalog;

/** The AWS partition a region belongs to: the second segment of every ARN in it. */
public final class Partition {

    private Partition() {
    }

    /** {@code aws}, {@code aws-cn}, {@code aws-us-gov}, the ISO partitions...; {@code aws} for null or unknown. */
    public static String of(String region) {
        if (region == null) {
            return "aws";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-isof-")) {
            return "aws-iso-f";
        }
        if (region.startsWith("eu-isoe-")) {
            return "aws-iso-e";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        if (region.startsWith("eusc-")) {
            return "aws-eusc";
        }
        return "aws";
    }
}
