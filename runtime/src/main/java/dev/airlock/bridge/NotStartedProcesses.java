package dev.airlock.bridge;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The process starts refused while Airlock was meant to guard the JVM but has no engine: any command that names
 * a tool Airlock guards, a shell (which could run anything) or a JVM (which would start unguarded). Other
 * programs start as usual, the way reads keep working for the SDK.
 */
final class NotStartedProcesses {

    private static final List<String> GUARDED = List.of("aws", "terraform", "tofu", "terragrunt", "kubectl", "oc",
            "cdk", "pulumi", "eksctl", "sam", "helm", "sh", "bash", "dash", "zsh", "ksh", "fish", "env", "xargs",
            "sudo", "java", "javaw", "jshell", "jdb", "mvn", "mvnw", "gradle", "gradlew", "npx", "python", "python3",
            "aws-vault");

    private NotStartedProcesses() {
    }

    static void check(List<String> command) throws IOException {
        for (String word : command) {
            if (word == null) {
                continue;
            }
            String name = word.substring(word.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (GUARDED.contains(name) || name.startsWith("python")) {
                throw new IOException(Refusal.text(CallAnswer.DENY, "starting " + command, null,
                        AirlockBridge.startProblem() + ", and until Airlock guards this JVM process starts that "
                                + "may change state fail closed", null, null, "ask the human you work for to look "
                                + "at why Airlock could not start; do not retry until then.")
                        .replace("it was NOT sent", "the process was NOT started"));
            }
        }
    }
}
