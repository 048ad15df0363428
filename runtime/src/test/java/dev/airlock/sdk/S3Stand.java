package dev.airlock.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Stands in for S3 on a loopback port: ListBuckets answers no buckets, DELETE answers 204, anything else 200
 * with an empty body. Records every request as {@code METHOD /path}.
 */
final class S3Stand implements AutoCloseable {

    private static final byte[] NO_BUCKETS = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Owner><ID>owner</ID><DisplayName>owner</DisplayName></Owner><Buckets></Buckets>"
            + "</ListAllMyBucketsResult>").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    S3Stand() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    S3Client client(ExecutionInterceptor interceptor) {
        return S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(credentials())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)).build();
    }

    S3AsyncClient asyncClient(ExecutionInterceptor interceptor) {
        return S3AsyncClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(credentials())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)).build();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path);
            if (method.equals("GET") && path.equals("/")) {
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, NO_BUCKETS.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(NO_BUCKETS);
                }
            } else if (method.equals("DELETE")) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
