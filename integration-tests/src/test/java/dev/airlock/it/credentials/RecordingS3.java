package dev.airlock.it.credentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A recording proxy in front of S3Mock: every request goes on to S3Mock, and its signing headers are kept. */
final class RecordingS3 implements AutoCloseable {

    private static final Pattern KEY = Pattern.compile("Credential=([^/]+)/");

    /** One request as it arrived: method, path, the access key of its signature and its session token. */
    record Arrived(String method, String path, String accessKey, String securityToken) {
    }

    private final WireMockServer server;

    RecordingS3(URI s3Mock) {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(s3Mock.toString())));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Every request so far, oldest first. */
    List<Arrived> arrived() {
        return server.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(RecordingS3::arrived).toList();
    }

    private static Arrived arrived(ServeEvent e) {
        String auth = e.getRequest().getHeader("Authorization");
        String key = null;
        if (auth != null) {
            Matcher m = KEY.matcher(auth);
            key = m.find() ? m.group(1) : null;
        }
        String token = e.getRequest().containsHeader("X-Amz-Security-Token")
                ? e.getRequest().getHeader("X-Amz-Security-Token") : null;
        return new Arrived(e.getRequest().getMethod().value(), e.getRequest().getUrl(), key, token);
    }

    void reset() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }
}
