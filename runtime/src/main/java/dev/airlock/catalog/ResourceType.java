package dev.airlock.catalog;

/** A resource type an action applies to, with its ARN template, e.g. {@code arn:${Partition}:s3:::${BucketName}}. */
public record ResourceType(String name, String arnTemplate, boolean required) {
}
