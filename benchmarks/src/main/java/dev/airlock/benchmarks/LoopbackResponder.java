package dev.airlock.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Stands in for S3 and DynamoDB on a loopback port with canned answers, so that the server costs as little as
 * possible next to the client: raw sockets, HTTP/1.1 keep-alive, one thread per connection, nothing parsed
 * beyond the request line and {@code Content-Length}.
 *
 * <p>Answers: {@code HEAD} (S3 HeadObject) 200 with object headers; {@code DELETE} (S3 DeleteObject) 204;
 * {@code POST} (DynamoDB JSON protocol: GetItem) 200 with one item; anything else 200 with no body.
 */
public final class LoopbackResponder implements AutoCloseable {

    private static final byte[] HEAD_OBJECT = ("HTTP/1.1 200 OK\r\n"
            + "Content-Length: 3\r\nContent-Type: text/plain\r\nETag: \"acbd18db4cc2f85cedef654fccc4a4d8\"\r\n"
            + "Last-Modified: Mon, 02 Nov 2026 10:00:00 GMT\r\nx-amz-request-id: 0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_CONTENT = "HTTP/1.1 204 No Content\r\nx-amz-request-id: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GET_ITEM = json("{\"Item\":{\"id\":{\"S\":\"user-1\"},\"n\":{\"N\":\"42\"}}}");
    private static final byte[] EMPTY = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final Thread acceptor;
    private volatile boolean open = true;

    private LoopbackResponder(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptUntilClosed, "loopback-responder");
        this.acceptor.setDaemon(true);
    }

    /** Listens on a free loopback port. */
    public static LoopbackResponder start() throws IOException {
        LoopbackResponder responder =
                new LoopbackResponder(new ServerSocket(0, 64, InetAddress.getLoopbackAddress()));
        responder.acceptor.start();
        return responder;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptUntilClosed() {
        while (open) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread connection = new Thread(() -> serve(socket), "loopback-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                if (open) {
                    System.err.println("loopback responder: " + e);
                }
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 16 << 10);
             OutputStream out = socket.getOutputStream()) {
            StringBuilder line = new StringBuilder(256);
            while (true) {
                String requestLine = readLine(in, line);
                if (requestLine == null) {
                    return;
                }
                long contentLength = 0;
                String header;
                while ((header = readLine(in, line)) != null && !header.isEmpty()) {
                    int colon = header.indexOf(':');
                    if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT)
                            .equals("content-length")) {
                        contentLength = Long.parseLong(header.substring(colon + 1).trim());
                    }
                }
                if (header == null) {
                    return;
                }
                in.skipNBytes(contentLength);
                out.write(answerFor(requestLine));
                out.flush();
            }
        } catch (SocketException | java.io.EOFException e) {
            // the client closed the connection
        } catch (IOException e) {
            System.err.println("loopback responder: " + e);
        }
    }

    private static byte[] answerFor(String requestLine) {
        if (requestLine.startsWith("HEAD ")) {
            return HEAD_OBJECT;
        }
        if (requestLine.startsWith("DELETE ")) {
            return NO_CONTENT;
        }
        if (requestLine.startsWith("POST ")) {
            return GET_ITEM;
        }
        return EMPTY;
    }

    /** One CRLF-terminated line, or null at the end of the stream. */
    private static String readLine(InputStream in, StringBuilder line) throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
        return null;
    }

    private static byte[] json(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: "
                + bytes.length + "\r\nx-amzn-RequestId: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        return all;
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
