package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps child JVMs guarded: a {@code java} started directly gets {@code -javaagent} as its first argument; a
 * JVM started through a shell or a build tool gets it through {@code JAVA_TOOL_OPTIONS}. A command that would
 * start a JVM with the agent taken away ({@code env -i java ...}, {@code JAVA_TOOL_OPTIONS= mvn ...}) is named.
 */
public final class ChildJvms {

    static final Set<String> LAUNCHERS = Set.of("java", "javaw", "jshell", "jrunscript", "jdb");
    /** Programs that start JVMs of their own and pass the environment on. */
    static final Set<String> JVM_TOOLS = Set.of("mvn", "mvnw", "mvnd", "gradle", "gradlew", "sbt", "lein",
            "clojure", "clj", "kotlin", "groovy", "scala", "jbang", "ant", "spark-submit");
    public static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    /**
     * How the child is started, and any JVM that would lose the agent.
     *
     * @param argv the command to start instead, or null to keep it
     * @param toolOptions the {@code JAVA_TOOL_OPTIONS} to set, or null to keep it
     * @param unguarded the commands that would start a JVM without the agent
     */
    public record Plan(List<String> argv, String toolOptions, List<String> unguarded) {
        static final Plan NOTHING = new Plan(null, null, List.of());
    }

    private ChildJvms() {
    }

    /**
     * @param agentOption {@code -javaagent:/path/airlock-agent.jar[=args]}
     * @param agentJar the agent jar's path, to tell whether a child already has it
     */
    public static Plan plan(List<String> argv, Env env, Path directory, Unwrapped unwrapped, String agentOption,
                            String agentJar) {
        if (!startsJvm(unwrapped)) {
            return Plan.NOTHING;
        }
        List<String> newArgv = null;
        String toolOptions = null;
        if (LAUNCHERS.contains(Programs.name(argv.get(0)))) {
            if (!mentions(argv, agentJar)) {
                newArgv = new ArrayList<>(argv.size() + 1);
                newArgv.add(argv.get(0));
                newArgv.add(agentOption);
                newArgv.addAll(argv.subList(1, argv.size()));
            }
        } else {
            String current = env.get(TOOL_OPTIONS);
            if (current == null || !current.contains(agentJar)) {
                toolOptions = current == null || current.isBlank() ? quoted(agentOption)
                        : current + " " + quoted(agentOption);
            }
        }
        Env childEnv = toolOptions == null ? env : env.with(TOOL_OPTIONS, toolOptions);
        Unwrapped child = newArgv == null && toolOptions == null ? unwrapped
                : Unwrapper.unwrap(newArgv != null ? newArgv : argv, childEnv, directory);
        List<String> unguarded = new ArrayList<>();
        for (Invocation inv : child.invocations()) {
            if (isJvm(inv) && !guarded(inv, agentJar)) {
                unguarded.add(inv.text());
            }
        }
        return new Plan(newArgv, toolOptions, unguarded);
    }

    static boolean startsJvm(Unwrapped unwrapped) {
        for (Invocation inv : unwrapped.invocations()) {
            if (isJvm(inv)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJvm(Invocation inv) {
        return !inv.program().dynamic() && (LAUNCHERS.contains(inv.name()) || JVM_TOOLS.contains(inv.name()));
    }

    private static boolean guarded(Invocation inv, String agentJar) {
        String options = inv.env().get(TOOL_OPTIONS);
        if (options != null && options.contains(agentJar)) {
            return true;
        }
        for (Word w : inv.args()) {
            if (w.text().startsWith("-javaagent:") && w.text().contains(agentJar)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(List<String> argv, String agentJar) {
        for (String a : argv) {
            if (a != null && a.startsWith("-javaagent:") && a.contains(agentJar)) {
                return true;
            }
        }
        return false;
    }

    /** JAVA_TOOL_OPTIONS splits on blanks; a path with blanks needs quotes (honoured since JDK 9). */
    private static String quoted(String option) {
        return option.indexOf(' ') >= 0 ? "\"" + option + "\"" : option;
    }
}
