package dev.airlock.it.credentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * STS on a loopback port, in its real query protocol: a form-encoded {@code Action=AssumeRole&...} in, the XML
 * AssumeRoleResponse out, with a new access key for every session ({@code ASIAAIRLOCKSESSION0001}, ...). Can be
 * told to answer with an STS error, or not at all within the client's timeout. Records what it received.
 */
final class StsStand implements AutoCloseable {

    /** What one AssumeRole carried: its form parameters and the key it was signed with. */
    record Received(Map<String, String> form, String authorization, String issuedKey) {

        String policy() {
            return form.get("Policy");
        }

        Map<String, String> tags() {
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 1; form.containsKey("Tags.member." + i + ".Key"); i++) {
                tags.put(form.get("Tags.member." + i + ".Key"), form.get("Tags.member." + i + ".Value"));
            }
            return tags;
        }
    }

    private final AtomicInteger serial = new AtomicInteger();
    private final List<Received> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile String failWith;
    private final WireMockServer server;

    StsStand() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Sessions()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** From now on every AssumeRole is refused with this STS error code and message. */
    void failWith(String code, String message) {
        failWith = code + "\n" + message;
    }

    void stop() {
        server.stop();
    }

    @Override
    public void close() {
        server.stop();
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private final class Sessions implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "sts-sessions";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Map<String, String> form = form(event.getRequest().getBodyAsString());
            String authorization = event.getRequest().getHeader("Authorization");
            if (!"AssumeRole".equals(form.get("Action"))) {
                received.add(new Received(form, authorization, null));
                return error(400, "InvalidAction", "Could not find operation " + form.get("Action"));
            }
            String failure = failWith;
            if (failure != null) {
                received.add(new Received(form, authorization, null));
                String[] parts = failure.split("\n", 2);
                return error(403, parts[0], parts[1]);
            }
            int n = serial.incrementAndGet();
            String key = String.format("ASIAAIRLOCKSESSION%04d", n);
            received.add(new Received(form, authorization, key));
            Instant expires = Instant.now().plus(Duration.ofSeconds(Long.parseLong(
                    form.getOrDefault("DurationSeconds", "3600")))).truncatedTo(ChronoUnit.SECONDS);
            String name = form.get("RoleSessionName");
            String body = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<AssumeRoleResult>"
                    + (form.containsKey("SourceIdentity") ? "<SourceIdentity>" + form.get("SourceIdentity")
                            + "</SourceIdentity>" : "")
                    + "<AssumedRoleUser><AssumedRoleId>AROAAIRLOCKTEST:" + name + "</AssumedRoleId>"
                    + "<Arn>arn:aws:sts::123456789012:assumed-role/airlock-actions/" + name + "</Arn>"
                    + "</AssumedRoleUser>"
                    + "<Credentials><AccessKeyId>" + key + "</AccessKeyId>"
                    + "<SecretAccessKey>session-secret-" + n + "</SecretAccessKey>"
                    + "<SessionToken>session-token-" + n + "</SessionToken>"
                    + "<Expiration>" + expires + "</Expiration></Credentials>"
                    + "<PackedPolicySize>7</PackedPolicySize>"
                    + "</AssumeRoleResult>"
                    + "<ResponseMetadata><RequestId>" + java.util.UUID.randomUUID() + "</RequestId>"
                    + "</ResponseMetadata></AssumeRoleResponse>";
            return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body).build();
        }

        private ResponseDefinition error(int status, String code, String message) {
            return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
                    .withBody("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                            + "<Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message>"
                            + "</Error><RequestId>" + java.util.UUID.randomUUID() + "</RequestId></ErrorResponse>")
                    .build();
        }
    }
}
