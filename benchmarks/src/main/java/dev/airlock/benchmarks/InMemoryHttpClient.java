package dev.airlock.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that answers in memory, with the same canned answers as {@link LoopbackResponder}: the
 * whole SDK pipeline runs (marshalling, signing, interceptors, response parsing), and no socket, no other
 * thread and no kernel is involved. On a small shared machine a loopback round trip varies by microseconds from
 * one call to the next; without it, what an agent adds to the SDK's own work can be told apart.
 */
final class InMemoryHttpClient implements SdkHttpClient {

    private static final Map<String, List<String>> OBJECT_HEADERS = Map.of(
            "Content-Length", List.of("3"), "Content-Type", List.of("text/plain"),
            "ETag", List.of("\"acbd18db4cc2f85cedef654fccc4a4d8\""),
            "Last-Modified", List.of("Mon, 02 Nov 2026 10:00:00 GMT"), "x-amz-request-id", List.of("0"));
    private static final byte[] ITEM =
            "{\"Item\":{\"id\":{\"S\":\"user-1\"},\"n\":{\"N\":\"42\"}}}".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, List<String>> ITEM_HEADERS = Map.of(
            "Content-Type", List.of("application/x-amz-json-1.0"),
            "Content-Length", List.of(Integer.toString(ITEM.length)), "x-amzn-RequestId", List.of("0"));

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                request.contentStreamProvider().ifPresent(body -> drain(body.newStream()));
                SdkHttpMethod method = request.httpRequest().method();
                if (method == SdkHttpMethod.HEAD) {
                    return answer(200, OBJECT_HEADERS, null);
                }
                if (method == SdkHttpMethod.DELETE) {
                    return answer(204, Map.of("x-amz-request-id", List.of("0")), null);
                }
                return answer(200, ITEM_HEADERS, ITEM);
            }

            @Override
            public void abort() {
            }
        };
    }

    private static HttpExecuteResponse answer(int status, Map<String, List<String>> headers, byte[] body) {
        HttpExecuteResponse.Builder response = HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(status).headers(headers).build());
        if (body != null) {
            response.responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)));
        }
        return response.build();
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return "InMemory";
    }

    @Override
    public void close() {
    }
}
