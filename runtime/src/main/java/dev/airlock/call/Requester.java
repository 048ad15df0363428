package dev.airlock.call;

import java.net.InetAddress;

/**
 * Who is asking: the human behind the tool and the process it runs in. The accountable human becomes the
 * SourceIdentity of per-action sessions and can never approve their own request.
 */
public final class Requester {

    private final String user;
    /** Null until first asked when it comes from the system: looking it up can cost a name-service call. */
    private volatile String host;
    private final long pid;
    private final String tool;
    private final String awsIdentity;

    /** @param host the host's name; null for this machine's, looked up when first asked */
    public Requester(String user, String host, long pid, String tool, String awsIdentity) {
        this.user = user;
        this.host = host;
        this.pid = pid;
        this.tool = tool;
        this.awsIdentity = awsIdentity;
    }

    /**
     * The requester of this process: OS user, host name, pid and the configured tool name. The host name is
     * looked up when first asked (by the audit writer, off the host's threads), not while Airlock starts.
     */
    public static Requester ofThisProcess(String tool) {
        return new Requester(System.getProperty("user.name", "unknown"), null, ProcessHandle.current().pid(), tool,
                null);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }

    public String user() {
        return user;
    }

    public String host() {
        String h = host;
        if (h == null) {
            h = hostName();
            host = h;
        }
        return h;
    }

    public long pid() {
        return pid;
    }

    public String tool() {
        return tool;
    }

    /** The AWS caller identity (an ARN), once known; null until the credentials broker resolves it. */
    public String awsIdentity() {
        return awsIdentity;
    }

    public Requester withAwsIdentity(String arn) {
        return new Requester(user, host(), pid, tool, arn);
    }

    @Override
    public String toString() {
        return user + "@" + host() + " pid " + pid + " (" + tool + ")";
    }
}
