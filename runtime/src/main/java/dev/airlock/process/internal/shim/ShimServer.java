package dev.airlock.process.internal.shim;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The loopback endpoint the shims ask. Bound to 127.0.0.1 on a free port; a request counts only with this JVM's
 * random secret, compared in constant time. It answers one question, may this command run, and offers nothing
 * else: no setting can be read or changed through it. Bounded in size, in time and in threads; a request it
 * cannot read gets no answer, which the shim treats as the JVM being gone (destructive commands fail closed).
 */
public final class ShimServer implements AutoCloseable {

    static final String MAGIC = "AIRLOCK-SHIM-1";
    private static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final int MAX_FIELDS = 20_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final int MAX_THREADS = 16;

    private final ServerSocket socket;
    private final byte[] secret;
    private final String secretText;
    private final Function<ShimRequest, ShimAnswer> decider;
    private final ExecutorService workers;
    private final Thread acceptor;
    private volatile boolean closed;

    private ShimServer(ServerSocket socket, String secretText, Function<ShimRequest, ShimAnswer> decider) {
        this.socket = socket;
        this.secretText = secretText;
        this.secret = secretText.getBytes(StandardCharsets.US_ASCII);
        this.decider = decider;
        this.workers = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "airlock-shim-answer");
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "airlock-shim-server");
        this.acceptor.setDaemon(true);
    }

    /** Starts a server whose answers come from {@code decider}, which must never throw. */
    public static ShimServer start(Function<ShimRequest, ShimAnswer> decider) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        ShimServer server = new ShimServer(s, HexFormat.of().formatHex(random), decider);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The secret a shim must send; written only into the private shim directory. */
    public String secret() {
        return secretText;
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        workers.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                workers.execute(() -> answer(client));
            } catch (RejectedExecutionException e) {
                // Too many at once: no answer, and the shim fails closed for what may destroy.
                closeQuietly(client);
            }
        }
    }

    private void answer(Socket client) {
        try (client) {
            client.setSoTimeout(READ_TIMEOUT_MS);
            ShimRequest request = read(new BufferedInputStream(client.getInputStream()));
            if (request == null) {
                return;
            }
            ShimAnswer answer = decider.apply(request);
            OutputStream out = client.getOutputStream();
            out.write(encode(answer));
            out.flush();
        } catch (IOException | RuntimeException e) {
            // No answer: the shim refuses anything that may change state.
        }
    }

    /** The request, or null when it is malformed, too large or lacks the secret. */
    ShimRequest read(InputStream in) throws IOException {
        Fields f = new Fields(in);
        if (!MAGIC.equals(f.next())) {
            return null;
        }
        String given = f.next();
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII), secret)) {
            return null;
        }
        String cwd = f.next();
        String tool = f.next();
        String count = f.next();
        if (cwd == null || tool == null || count == null || !count.matches("\\d{1,5}")) {
            return null;
        }
        int argc = Integer.parseInt(count);
        List<String> args = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            String a = f.next();
            if (a == null) {
                return null;
            }
            args.add(a);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String field = f.next(); ; field = f.next()) {
            if (field == null) {
                return null;
            }
            if (field.equals("END")) {
                break;
            }
            int eq = field.indexOf('=');
            if (eq > 0) {
                env.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        Path dir;
        try {
            dir = Path.of(cwd);
        } catch (InvalidPathException e) {
            dir = null;
        }
        return new ShimRequest(tool, args, env, dir);
    }

    static byte[] encode(ShimAnswer answer) {
        StringBuilder sb = new StringBuilder();
        if (answer.proceeds()) {
            sb.append("PROCEED\n");
            answer.environment().forEach((k, v) -> {
                if (k.matches("[A-Za-z_][A-Za-z0-9_]*") && v.indexOf('\n') < 0) {
                    sb.append(k).append('=').append(v).append('\n');
                }
            });
            sb.append("END\n");
        } else {
            sb.append("STOP\n").append(answer.message() == null ? "Airlock stopped this command." : answer.message())
                    .append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** NUL-terminated UTF-8 fields, bounded in number and total size. */
    private static final class Fields {
        private final InputStream in;
        private int bytes;
        private int fields;

        Fields(InputStream in) {
            this.in = in;
        }

        String next() throws IOException {
            if (++fields > MAX_FIELDS) {
                return null;
            }
            ByteArrayOutputStream field = new ByteArrayOutputStream();
            try {
                for (int b = in.read(); ; b = in.read()) {
                    if (b < 0 || ++bytes > MAX_REQUEST_BYTES) {
                        return null;
                    }
                    if (b == 0) {
                        return field.toString(StandardCharsets.UTF_8);
                    }
                    field.write(b);
                }
            } catch (SocketTimeoutException e) {
                return null;
            }
        }
    }
}
