package dev.airlock.cli;

import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalStore;
import dev.airlock.approval.GrantSigner;
import dev.airlock.approval.ServiceKey;
import dev.airlock.audit.AuditLog;
import dev.airlock.call.Requester;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigLoader;
import dev.airlock.audit.AnchorBook;
import dev.airlock.console.AnchorWitness;
import dev.airlock.console.ApprovalServer;
import dev.airlock.console.ApprovalService;
import dev.airlock.console.Webhook;
import dev.airlock.console.internal.Tokens;
import dev.airlock.egress.Egress;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code airlock serve}: the approval service and the console, in this process, until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the approval service and its web console (on loopback by default).")
final class ServeCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 7424;

    @Option(names = "--port", description = "Port to listen on (default " + DEFAULT_PORT + "; 0 picks a free one).")
    int port = DEFAULT_PORT;

    @Option(names = "--bind", description = "Address to listen on (default 127.0.0.1).")
    String bind = "127.0.0.1";

    static final class StoreChoice {
        @Option(names = "--store", paramLabel = "DIR", description = "Local durable store (default ~/.airlock/approval).")
        Path dir;

        @Option(names = "--dynamodb", paramLabel = "TABLE", description = "Org-wide store: this DynamoDB table.")
        String table;
    }

    @ArgGroup(exclusive = true)
    StoreChoice store = new StoreChoice();

    @Option(names = "--key-dir", paramLabel = "DIR",
            description = "Where the signing key and admin token live (default: the store directory).")
    Path keyDir;

    @Option(names = "--audit", paramLabel = "FILE", description = "Audit chain to record every step in (default: audit.file).")
    Path auditFile;

    @Option(names = "--webhook", paramLabel = "URL", description = "Slack-compatible webhook told of each new request.")
    String webhook;

    @Option(names = "--public-url", paramLabel = "URL", description = "The console's address in webhook links.")
    String publicUrl;

    @Option(names = "--grant-minutes", description = "How long a grant may be used (default 15).")
    int grantMinutes = 15;

    @Option(names = "--grant-uses", description = "How many identical calls one grant lets through (default 1).")
    int grantUses = 1;

    @Option(names = "--min-approvers", description = "The fewest approvers any request needs here (default 1).")
    int minApprovers = 1;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "An Airlock setting, e.g. aws.region (repeatable).")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Map<String, String> set = new HashMap<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set takes KEY=VALUE, not '" + s + "'");
            }
            set.put(s.substring(0, eq), s.substring(eq + 1));
        }
        AirlockConfig config = set.isEmpty() ? ConfigLoader.load(null) : AirlockConfig.of(set);
        Path home = Path.of(System.getProperty("user.home"), ".airlock", "approval");
        Path dir = store.dir != null ? store.dir : home;
        Path keys = keyDir != null ? keyDir : dir;
        KeyPair pair = ServiceKey.loadOrCreate(keys);
        String adminHash = Tokens.hash(adminToken(keys));
        ApprovalStore approvals = store.table != null ? dynamoDb(config, store.table) : ApprovalStore.localDirectory(dir);
        AuditLog audit = AuditLog.toFile(auditFile != null ? auditFile : config.auditFile(),
                Requester.ofThisProcess("airlock-serve"));
        InetAddress address = InetAddress.getByName(bind);
        // The console URL is known only once the port is bound; the webhook is set up after.
        WebhookHolder hook = new WebhookHolder();
        ApprovalService service = new ApprovalService(approvals,
                new GrantSigner(pair.getPrivate(), Duration.ofMinutes(grantMinutes), grantUses), pair.getPublic(),
                audit, minApprovers, hook.webhook());
        // Beside the key that signs them: the service's own state, whichever store holds the approvals.
        AnchorBook anchors = AnchorBook.inDirectory(keys.resolve("anchors"));
        ApprovalServer server = ApprovalServer.start(service, new AnchorWitness(pair.getPrivate(), anchors),
                adminHash, address, port);
        String url = "http://" + (address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress()) + ":" + server.port();
        hook.target = webhook == null ? null : Webhook.to(webhook, publicUrl != null ? publicUrl : url);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            approvals.close();
            audit.close();
            stopped.countDown();
        }, "airlock-serve-stop"));
        System.out.println("airlock serve: approval service and console on " + url + " (store "
                + (store.table != null ? "DynamoDB table " + store.table : dir.toString()) + ", public key " + keys.resolve(ServiceKey.PUBLIC_FILE) + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** The admin token that may add approvers: made on first start, owner-only, beside the signing key. */
    static String adminToken(Path keys) throws Exception {
        Path file = keys.resolve("admin.token");
        if (!Files.exists(file)) {
            Path temp = keys.resolve("admin.token.tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, Tokens.fresh() + "\n");
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        ServiceKey.requireOwnerOnly(file);
        return Files.readString(file).trim();
    }

    private static ApprovalStore dynamoDb(AirlockConfig config, String table) throws ApprovalException {
        try {
            Egress.parts();
        } catch (IllegalStateException notOnClassPath) {
            Egress.fromAgentJar(AgentJar.locate());
        }
        return Egress.parts().dynamoDbApprovals(config, table);
    }

    /** Lets the service be built before the port, and so the console's URL, is known. */
    private static final class WebhookHolder {
        volatile Webhook target;

        Webhook webhook() {
            return Webhook.delegating(() -> target);
        }
    }
}
