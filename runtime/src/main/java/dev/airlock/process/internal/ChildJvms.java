package dev.airlock.process.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps child JVMs guarded: a {@code java} started directly gets {@code -javaagent} as its first argument
 * ({@code -J-javaagent} for {@code jshell}, whose remote VM gets {@code -R-javaagent}, and {@code jdb}); a JVM
 * started through a shell or a build tool gets it through {@code JAVA_TOOL_OPTIONS}, ahead of any other agent.
 * The agent's arguments carry the parent's settings, which outrank the child's own. JVMs are known by their real
 * path, so a link to {@code java} under another name is one too. A command that would
 * start a JVM with the agent taken away ({@code env -i java ...}, {@code JAVA_TOOL_OPTIONS= mvn ...}) is named.
 */
public final class ChildJvms {

    static final Set<String> LAUNCHERS = Set.of("java", "javaw", "jshell", "jrunscript", "jdb");
    /** Programs that start JVMs of their own and pass the environment on. */
    static final Set<String> JVM_TOOLS = Set.of("mvn", "mvnw", "mvnd", "gradle", "gradlew", "sbt", "lein",
            "clojure", "clj", "kotlin", "groovy", "scala", "jbang", "ant", "spark-submit");
    public static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    static final String JDK_OPTIONS = "JDK_JAVA_OPTIONS";

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
        String current = env.get(TOOL_OPTIONS);
        String launcher = realName(argv.get(0), directory);
        if (LAUNCHERS.contains(launcher)) {
            List<String> options = launcherOptions(launcher, agentOption);
            if (!argv.subList(1, argv.size()).subList(0, Math.min(options.size(), argv.size() - 1)).equals(options)) {
                newArgv = new ArrayList<>(argv.size() + options.size());
                newArgv.add(argv.get(0));
                newArgv.addAll(options);
                newArgv.addAll(argv.subList(1, argv.size()));
            }
            // JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS come before the command line: an agent there would start
            // first, with settings of its own. Airlock's goes first of all.
            if (otherAgent(current, agentOption) || otherAgent(env.get(JDK_OPTIONS), agentOption)) {
                toolOptions = ahead(agentOption, current);
            }
        } else if (otherAgent(current, agentOption)) {
            toolOptions = ahead(agentOption, current);
        } else if (current == null || !current.contains(agentOption)) {
            toolOptions = current == null || current.isBlank() ? quoted(agentOption)
                    : current + " " + quoted(agentOption);
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
        if (inv.program().dynamic()) {
            return false;
        }
        String name = realName(inv.program().text(), inv.directory());
        return LAUNCHERS.contains(name) || JVM_TOOLS.contains(name);
    }

    /**
     * The program's name by its real path, so that a symbolic link to {@code java} under another name is still
     * known as a JVM. A bare name is looked up on this JVM's {@code PATH}, which is where {@code ProcessBuilder}
     * looks too.
     */
    static String realName(String program, Path directory) {
        String name = Programs.name(program);
        if (LAUNCHERS.contains(name) || JVM_TOOLS.contains(name)) {
            return name;
        }
        try {
            Path found = null;
            if (program.indexOf('/') >= 0) {
                Path p = Path.of(program);
                found = p.isAbsolute() || directory == null ? p : directory.resolve(p);
            } else {
                String path = System.getenv("PATH");
                for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
                    if (!dir.isEmpty() && java.nio.file.Files.isExecutable(Path.of(dir, program))) {
                        found = Path.of(dir, program);
                        break;
                    }
                }
            }
            if (found != null && java.nio.file.Files.isSymbolicLink(found)) {
                return Programs.name(found.toRealPath().getFileName().toString());
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the name as written
        }
        return name;
    }

    /** How each launcher takes a JVM option: {@code jshell} and {@code jdb} pass it on with {@code -J}. */
    static List<String> launcherOptions(String launcher, String agentOption) {
        switch (launcher) {
            case "jshell":
                return List.of("-J" + agentOption, "-R" + agentOption);
            case "jdb":
            case "jrunscript":
                return List.of("-J" + agentOption);
            default:
                return List.of(agentOption);
        }
    }

    /** True when {@code options} names a Java agent other than exactly {@code agentOption}. */
    private static boolean otherAgent(String options, String agentOption) {
        return options != null && options.replace(quoted(agentOption), "").replace(agentOption, "")
                .contains("-javaagent");
    }

    private static String ahead(String agentOption, String current) {
        return current == null || current.isBlank() ? quoted(agentOption) : quoted(agentOption) + " " + current;
    }

    private static boolean guarded(Invocation inv, String agentJar) {
        String options = inv.env().get(TOOL_OPTIONS);
        if (options != null && options.contains(agentJar)) {
            return true;
        }
        for (Word w : inv.args()) {
            String arg = w.text();
            if ((arg.startsWith("-javaagent:") || arg.startsWith("-J-javaagent:")) && arg.contains(agentJar)) {
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
