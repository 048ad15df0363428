package dev.airlock.sample;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * What the tool works on. Each option is read from the command line ({@code --bucket=NAME} or
 * {@code --bucket NAME}), else from a system property ({@code -Dtool.bucket=NAME}). Endpoints are optional:
 * without one, the SDK's default AWS endpoint is used.
 *
 * @param waitForGo build the clients, make one call, then wait for a line on standard input before working
 */
public record ToolOptions(URI s3Endpoint, URI dynamoDbEndpoint, URI sqsEndpoint, String region, String bucket,
                          String table, String queue, boolean async, boolean waitForGo) {

    static final String USAGE = "usage: environment-reset-tool --bucket NAME --table NAME --queue NAME "
            + "[--region REGION] [--s3-endpoint URL] [--dynamodb-endpoint URL] [--sqs-endpoint URL] "
            + "[--async] [--wait-for-go]";

    public static ToolOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (name.equals("async") || name.equals("wait-for-go")) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return new ToolOptions(
                uri(option(values, "s3-endpoint")),
                uri(option(values, "dynamodb-endpoint")),
                uri(option(values, "sqs-endpoint")),
                orDefault(option(values, "region"), "us-east-1"),
                required(values, "bucket"),
                required(values, "table"),
                required(values, "queue"),
                Boolean.parseBoolean(option(values, "async")),
                Boolean.parseBoolean(option(values, "wait-for-go")));
    }

    private static String option(Map<String, String> values, String name) {
        String v = values.get(name);
        return v != null ? v : System.getProperty("tool." + name);
    }

    private static String required(Map<String, String> values, String name) {
        String v = option(values, name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static String orDefault(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v;
    }

    private static URI uri(String v) {
        return v == null || v.isBlank() ? null : URI.create(v);
    }
}
