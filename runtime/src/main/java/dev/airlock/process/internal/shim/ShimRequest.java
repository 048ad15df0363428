package dev.airlock.process.internal.shim;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a shim asks: may {@code tool args...} run, in {@code directory}, with these variables of its environment
 * (the ones the tools read: {@code AWS_*}, {@code TF_*}...).
 */
public record ShimRequest(String tool, List<String> args, Map<String, String> environment, Path directory) {

    public ShimRequest {
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
    }
}
