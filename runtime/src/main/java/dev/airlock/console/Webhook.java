package dev.airlock.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.approval.ApprovalJson;
import dev.airlock.approval.ApprovalRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Tells a chat channel of each new request: a Slack-compatible JSON payload ({@code text} and {@code blocks})
 * with a link to the request in the console. Sent in the background; a webhook that fails never holds a request.
 */
public class Webhook {

    private static final Webhook NONE = new Webhook(null, null);

    private final URI target;
    private final String consoleUrl;
    private final HttpClient http;

    private Webhook(URI target, String consoleUrl) {
        this.target = target;
        this.consoleUrl = consoleUrl;
        this.http = target == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** A webhook decided later: the one {@code current} gives when a request is filed, if any. */
    public static Webhook delegating(java.util.function.Supplier<Webhook> current) {
        return new Webhook(null, null) {
            @Override
            void announce(ApprovalRequest r) {
                Webhook w = current.get();
                if (w != null) {
                    w.announce(r);
                }
            }
        };
    }

    public static Webhook none() {
        return NONE;
    }

    /** @param consoleUrl the console's address as approvers reach it, for the link */
    public static Webhook to(String url, String consoleUrl) {
        return new Webhook(URI.create(url), consoleUrl.endsWith("/") ? consoleUrl : consoleUrl + "/");
    }

    void announce(ApprovalRequest r) {
        if (target == null) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload(r))).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null || response.statusCode() >= 300) {
                System.err.println("[airlock serve] webhook " + target + " failed for " + r.id() + ": "
                        + (error != null ? error : "HTTP " + response.statusCode()));
            }
        });
    }

    /** The payload: plain text for any receiver, blocks for Slack. */
    public String payload(ApprovalRequest r) {
        String link = consoleUrl + "requests/" + r.id();
        String text = "Airlock holds " + r.action() + " on " + String.join(", ", r.resources()) + " for "
                + r.requester().user() + "@" + r.requester().host() + " (" + r.requester().tool() + "): "
                + r.required() + " approval" + (r.required() == 1 ? "" : "s") + " needed. " + link;
        ObjectNode root = ApprovalJson.object();
        root.put("text", text);
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        ObjectNode body = section.putObject("text");
        body.put("type", "mrkdwn");
        body.put("text", "*Airlock holds `" + r.action() + "`* on `" + String.join("`, `", r.resources()) + "`\n"
                + r.summary() + "\nRequested by *" + r.requester().user() + "* on " + r.requester().host()
                + " (" + r.requester().tool() + ", pid " + r.requester().pid() + "); needs " + r.required()
                + " approver" + (r.required() == 1 ? "" : "s") + ".\n<" + link + "|Review " + r.id() + ">");
        ObjectNode context = blocks.addObject();
        context.put("type", "context");
        ObjectNode element = context.putArray("elements").addObject();
        element.put("type", "mrkdwn");
        element.put("text", "`airlock approve " + r.id() + "` or `airlock deny " + r.id() + " --reason ...`");
        root.put("approval_id", r.id());
        root.put("console_url", link);
        return root.toString();
    }
}
