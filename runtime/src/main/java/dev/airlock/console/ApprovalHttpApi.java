package dev.airlock.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalJson;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ServiceKey;
import dev.airlock.audit.AuditAnchor;
import dev.airlock.console.internal.Exchanges;
import dev.airlock.console.internal.Tokens;
import java.io.IOException;
import java.util.List;

/**
 * The approval service's HTTP API, every endpoint in this one class, under {@code /api/}. JSON in and out;
 * errors are {@code {"error": "..."}}. Agents use the first four (unauthenticated, loopback); approvers send
 * {@code Authorization: Bearer TOKEN}; adding approvers takes the service's admin token. No secret ever goes in
 * a URL.
 *
 * <pre>
 * GET  /api/key                      the public key grants verify with (PEM)
 * POST /api/requests                 an agent files a request        -> the request as held
 * GET  /api/requests/ID              how a request stands            -> the request, or 404
 * POST /api/requests/ID/consume      {"grant": "grt-...", "redemption": "red-..."} -> {"consumed": true|false}
 * GET  /api/pending                  (approver) requests waiting, oldest first
 * POST /api/requests/ID/approve      (approver)                      -> the request after the vote
 * POST /api/requests/ID/deny         (approver) {"reason": "..."}    -> the request after the vote
 * POST /api/approvers                (admin) {"name": "..."}         -> {"name": ..., "token": ...} shown once
 * POST /api/anchors                  {"chainId", "seq", "headHash"}  -> the anchor, signed with the key above
 * GET  /api/anchors?chain=ID         every anchor of the chain       -> {"chainId": ..., "anchors": [...]}
 * </pre>
 *
 * <p>The anchor endpoints are open like the agents' ones: an anchor only ever constrains a chain, so a stranger's
 * anchor can make a verification fail, never pass.
 */
public final class ApprovalHttpApi implements HttpHandler {

    private final ApprovalService service;
    private final AnchorWitness witness;
    private final String adminTokenHash;

    /** @param adminTokenHash the hash of the admin token that may add approvers */
    public ApprovalHttpApi(ApprovalService service, String adminTokenHash) {
        this(service, null, adminTokenHash);
    }

    /** @param witness countersigns audit heads; null for a service that keeps no anchors */
    public ApprovalHttpApi(ApprovalService service, AnchorWitness witness, String adminTokenHash) {
        this.service = service;
        this.witness = witness;
        this.adminTokenHash = adminTokenHash;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String[] path = ex.getRequestURI().getPath().substring("/api/".length()).split("/");
        try {
            if (path.length == 1 && path[0].equals("key") && method.equals("GET")) {
                Exchanges.send(ex, 200, "application/x-pem-file", ServiceKey.publicPem(service.publicKey()));
            } else if (path.length == 1 && path[0].equals("requests") && method.equals("POST")) {
                json(ex, 200, ApprovalJson.write(service.file(ApprovalJson.request(Exchanges.body(ex)))));
            } else if (path.length == 2 && path[0].equals("requests") && method.equals("GET")) {
                ApprovalRequest r = service.find(path[1]);
                if (r == null) {
                    error(ex, 404, "no approval request " + path[1]);
                } else {
                    json(ex, 200, ApprovalJson.write(r));
                }
            } else if (path.length == 3 && path[0].equals("requests") && method.equals("POST")) {
                vote(ex, path[1], path[2]);
            } else if (path.length == 1 && path[0].equals("pending") && method.equals("GET")) {
                service.authenticate(Exchanges.bearer(ex));
                json(ex, 200, list(service.pending()));
            } else if (path.length == 1 && path[0].equals("approvers") && method.equals("POST")) {
                String token = Exchanges.bearer(ex);
                if (token == null || !Tokens.same(Tokens.hash(token), adminTokenHash)) {
                    error(ex, 401, "adding approvers takes the service's admin token (admin.token in its key "
                            + "directory, readable only by the service's user)");
                    return;
                }
                String name = ApprovalJson.tree(Exchanges.body(ex)).path("name").asText(null);
                ObjectNode out = ApprovalJson.object();
                out.put("name", name);
                out.put("token", service.addApprover(name));
                json(ex, 200, out.toString());
            } else if (path.length == 1 && path[0].equals("anchors")) {
                anchors(ex, method);
            } else {
                error(ex, 404, "no such endpoint: " + method + " " + ex.getRequestURI().getPath());
            }
        } catch (ApprovalException e) {
            error(ex, statusOf(e), e.getMessage());
        } catch (IllegalArgumentException e) {
            error(ex, 400, e.getMessage());
        } catch (RuntimeException e) {
            error(ex, 500, "the approval service failed: " + e);
        }
    }

    private void vote(HttpExchange ex, String id, String what) throws IOException, ApprovalException {
        String body = Exchanges.body(ex);
        switch (what) {
            case "consume" -> {
                JsonNode in = ApprovalJson.tree(body);
                ObjectNode out = ApprovalJson.object();
                out.put("consumed", service.consume(id, in.path("grant").asText(""),
                        in.path("redemption").asText(null)));
                json(ex, 200, out.toString());
            }
            case "approve" -> json(ex, 200, ApprovalJson.write(service.vote(id, Exchanges.bearer(ex), true, null)));
            case "deny" -> {
                JsonNode in = body.isBlank() ? ApprovalJson.object() : ApprovalJson.tree(body);
                json(ex, 200, ApprovalJson.write(service.vote(id, Exchanges.bearer(ex), false,
                        in.path("reason").asText(null))));
            }
            default -> error(ex, 404, "no such endpoint: POST " + ex.getRequestURI().getPath());
        }
    }

    private void anchors(HttpExchange ex, String method) throws IOException, ApprovalException {
        if (witness == null) {
            error(ex, 404, "this approval service keeps no audit anchors");
            return;
        }
        if (method.equals("POST")) {
            JsonNode in = ApprovalJson.tree(Exchanges.body(ex));
            if (!in.path("seq").canConvertToLong()) {
                throw new IllegalArgumentException("an audit head needs a numeric seq");
            }
            json(ex, 200, anchorJson(witness.countersign(in.path("chainId").asText(null), in.path("seq").asLong(),
                    in.path("headHash").asText(null))).toString());
        } else if (method.equals("GET")) {
            String query = ex.getRequestURI().getRawQuery();
            String chain = Exchanges.form(query == null ? "" : query).get("chain");
            ObjectNode out = ApprovalJson.object();
            out.put("chainId", chain);
            ArrayNode list = out.putArray("anchors");
            for (AuditAnchor.Anchor a : witness.anchors(chain)) {
                list.add(anchorJson(a));
            }
            json(ex, 200, out.toString());
        } else {
            error(ex, 404, "no such endpoint: " + method + " " + ex.getRequestURI().getPath());
        }
    }

    private static ObjectNode anchorJson(AuditAnchor.Anchor a) {
        ObjectNode out = ApprovalJson.object();
        out.put("seq", a.seq());
        out.put("headHash", a.headHash());
        out.put("epochMillis", a.epochMillis());
        out.put("signature", a.signature());
        return out;
    }

    private static String list(List<ApprovalRequest> requests) {
        ArrayNode out = ApprovalJson.object().arrayNode();
        for (ApprovalRequest r : requests) {
            out.add(ApprovalJson.toTree(r));
        }
        return out.toString();
    }

    private static int statusOf(ApprovalException e) {
        String m = e.getMessage();
        if (m.contains("token")) {
            return 401;
        }
        if (m.startsWith("no approval request")) {
            return 404;
        }
        if (m.startsWith("not ")) {
            return 400;
        }
        return 409;
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        Exchanges.send(ex, status, "application/json", body);
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode out = ApprovalJson.object();
        out.put("error", message);
        json(ex, status, out.toString());
    }
}
