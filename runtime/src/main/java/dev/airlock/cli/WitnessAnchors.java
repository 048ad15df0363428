package dev.airlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.approval.ServiceKey;
import dev.airlock.audit.AuditAnchor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The anchors {@code audit verify --anchors} checks a file against, with the witness's public key: fetched from
 * an approval service ({@code GET /api/anchors?chain=ID} and {@code GET /api/key}), or read from a file of JSON
 * lines with the key given beside it. Only anchors whose signature verifies are handed on.
 */
final class WitnessAnchors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Why the anchors cannot be used: unreadable, unreachable ({@link Unreachable}), or forged. */
    static class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The witness could not be asked: the file's anchors are not known, so nothing is claimed about them. */
    static final class Unreachable extends Refused {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    private WitnessAnchors() {
    }

    /**
     * @param source an approval service URL ({@code http://...}) or a file of anchors
     * @param keyFile the witness's public key (PEM); for a URL, null fetches it from the service
     * @return the anchors of {@code chainId}, every signature checked
     */
    static List<AuditAnchor.Anchor> load(String source, Path keyFile, String chainId) throws Refused {
        boolean url = source.startsWith("http://") || source.startsWith("https://");
        PublicKey key;
        List<AuditAnchor.Anchor> anchors;
        if (url) {
            URI base = URI.create(source.endsWith("/") ? source : source + "/");
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            key = keyFile != null ? readKey(keyFile) : parseKey(get(http, base.resolve("api/key"), chainId), base);
            anchors = fromService(get(http, base.resolve("api/anchors?chain=" + URLEncoder.encode(chainId,
                    StandardCharsets.UTF_8)), chainId), base);
        } else {
            if (keyFile == null) {
                throw new Refused("the signatures of the anchors in " + source + " cannot be checked without the "
                        + "witness's public key: give --key FILE (the approval service's signing.pub), or give the "
                        + "service's URL to --anchors");
            }
            key = readKey(keyFile);
            anchors = fromFile(Path.of(source));
        }
        for (AuditAnchor.Anchor a : anchors) {
            if (!a.signedBy(key, chainId)) {
                throw new Refused("the anchor of record seq " + a.seq() + " (said to be countersigned at "
                        + Instant.ofEpochMilli(a.epochMillis()) + ") does not verify with the witness's public key "
                        + "for chain " + chainId + ": the anchors are forged or altered, or belong to another chain");
            }
        }
        return anchors;
    }

    private static String get(HttpClient http, URI uri, String chainId) throws Refused {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new Unreachable("could not fetch the anchors of chain " + chainId + " from " + uri + ": it "
                        + "answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new Unreachable("could not fetch the anchors of chain " + chainId + " from " + uri + " (" + e
                    + "); is the approval service running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while fetching the anchors from " + uri);
        }
    }

    private static PublicKey parseKey(String pem, URI base) throws Refused {
        try {
            return ServiceKey.parsePublic(pem);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused("the public key from " + base + "api/key is not an Ed25519 key: " + e.getMessage());
        }
    }

    private static PublicKey readKey(Path file) throws Refused {
        try {
            return ServiceKey.readPublic(file);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused("cannot read the witness's public key " + file + ": " + e.getMessage());
        }
    }

    private static List<AuditAnchor.Anchor> fromService(String body, URI base) throws Refused {
        try {
            List<AuditAnchor.Anchor> out = new ArrayList<>();
            for (JsonNode a : JSON.readTree(body).path("anchors")) {
                out.add(anchorOf(a));
            }
            return out;
        } catch (IOException e) {
            throw new Refused("the anchors from " + base + " are not JSON: " + e.getMessage());
        }
    }

    private static List<AuditAnchor.Anchor> fromFile(Path file) throws Refused {
        try {
            List<AuditAnchor.Anchor> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    out.add(anchorOf(JSON.readTree(line)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new Refused("cannot read the anchors " + file + ": " + e.getMessage());
        }
    }

    private static AuditAnchor.Anchor anchorOf(JsonNode a) {
        return new AuditAnchor.Anchor(a.path("seq").asLong(-1), a.path("headHash").asText(null),
                a.path("epochMillis").asLong(), a.path("signature").asText(null));
    }
}
