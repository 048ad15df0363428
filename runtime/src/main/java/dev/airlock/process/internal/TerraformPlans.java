package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.List;

/** Asks Terraform what a destructive command would change, before it runs. */
public interface TerraformPlans {

    /**
     * What would go.
     *
     * @param program the executable the command names
     * @param directory the Terraform working directory
     * @param destroy true for {@code destroy} / {@code apply -destroy}
     * @param planArguments the command's arguments that also shape a plan ({@code -target}, {@code -var}...)
     */
    Outcome plan(String program, Path directory, boolean destroy, List<String> planArguments, Env env);

    /**
     * @param deleted addresses that would be destroyed (replacements included)
     * @param changed addresses that would be created or updated
     * @param failure why no plan could be made, or null
     */
    record Outcome(List<String> deleted, List<String> changed, String failure) {

        public static Outcome failed(String why) {
            return new Outcome(List.of(), List.of(), why);
        }

        public boolean known() {
            return failure == null;
        }
    }
}
