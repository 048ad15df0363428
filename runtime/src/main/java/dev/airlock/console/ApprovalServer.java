package dev.airlock.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The approval service and its console on one port, on loopback unless told otherwise, on the JDK's own HTTP
 * server: {@code /api/} is {@link ApprovalHttpApi}, everything else {@link ConsolePages}.
 */
public final class ApprovalServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;

    private ApprovalServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** @param bind the address to listen on; loopback keeps the service to this machine */
    public static ApprovalServer start(ApprovalService service, String adminTokenHash, InetAddress bind, int port)
            throws IOException {
        return start(service, null, adminTokenHash, bind, port);
    }

    /** @param witness countersigns audit heads at {@code /api/anchors}; null for none */
    public static ApprovalServer start(ApprovalService service, AnchorWitness witness, String adminTokenHash,
                                       InetAddress bind, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 1024);
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "airlock-serve");
            t.setDaemon(true);
            return t;
        };
        ExecutorService workers = Executors.newFixedThreadPool(32, named);
        server.setExecutor(workers);
        server.createContext("/api/", new ApprovalHttpApi(service, witness, adminTokenHash));
        server.createContext("/", new ConsolePages(service));
        server.start();
        return new ApprovalServer(server, workers);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
