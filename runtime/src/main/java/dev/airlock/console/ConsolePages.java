package dev.airlock.console;

import static dev.airlock.console.internal.Html.esc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.console.internal.ConsoleSessions;
import dev.airlock.console.internal.Exchanges;
import dev.airlock.console.internal.Html;
import dev.airlock.console.internal.Tokens;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The web console: sign in with an approver token (sent in a form body, never in a URL), see pending requests
 * with their plan and context, approve or deny, and who approved what. Every form carries the session's CSRF
 * token and the session cookie is SameSite=Strict and HttpOnly; pages forbid framing, scripts and caching.
 */
public final class ConsolePages implements HttpHandler {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final ApprovalService service;
    private final ConsoleSessions sessions = new ConsoleSessions();

    public ConsolePages(ApprovalService service) {
        this.service = service;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Security-Policy", CSP);
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        try {
            if (path.equals("/login") && method.equals("POST")) {
                login(ex);
                return;
            }
            String sessionId = Exchanges.cookie(ex, ConsoleSessions.COOKIE);
            ConsoleSessions.Session session = sessions.find(sessionId);
            if (session == null) {
                if (method.equals("POST")) {
                    Exchanges.redirect(ex, "/");
                } else {
                    html(ex, 200, Html.page("Sign in", null, null, signIn(null)));
                }
                return;
            }
            if (method.equals("POST")) {
                Map<String, String> form = Exchanges.form(Exchanges.body(ex));
                if (!Tokens.same(form.get("csrf"), session.csrf()) || !sameOrigin(ex)) {
                    html(ex, 403, Html.page("Refused", session.approver(), session.csrf(),
                            "<div class=\"msg error\">This form did not come from this console (CSRF check failed)."
                                    + " Nothing was changed.</div>"));
                    return;
                }
                if (path.equals("/logout")) {
                    sessions.close(sessionId);
                    ex.getResponseHeaders().add("Set-Cookie", ConsoleSessions.COOKIE + "=; Path=/; Max-Age=0");
                    Exchanges.redirect(ex, "/");
                    return;
                }
                decide(ex, session, path, form);
                return;
            }
            if (path.equals("/")) {
                html(ex, 200, Html.page("Requests", session.approver(), session.csrf(), overview()));
            } else if (path.startsWith("/requests/")) {
                ApprovalRequest r = service.find(path.substring("/requests/".length()));
                if (r == null) {
                    html(ex, 404, Html.page("Not found", session.approver(), session.csrf(),
                            "<div class=\"msg error\">No such request.</div>"));
                } else {
                    html(ex, 200, Html.page(r.id(), session.approver(), session.csrf(), detail(r, session, null)));
                }
            } else {
                html(ex, 404, Html.page("Not found", session.approver(), session.csrf(),
                        "<div class=\"msg error\">No such page.</div>"));
            }
        } catch (ApprovalException e) {
            html(ex, 400, Html.page("Error", null, null, "<div class=\"msg error\">" + esc(e.getMessage()) + "</div>"));
        }
    }

    private void login(HttpExchange ex) throws IOException {
        String token = Exchanges.form(Exchanges.body(ex)).get("token");
        try {
            String approver = service.authenticate(token);
            ex.getResponseHeaders().add("Set-Cookie", ConsoleSessions.cookieFor(sessions.open(approver)));
            Exchanges.redirect(ex, "/");
        } catch (ApprovalException e) {
            html(ex, 401, Html.page("Sign in", null, null, signIn(e.getMessage())));
        }
    }

    private void decide(HttpExchange ex, ConsoleSessions.Session session, String path, Map<String, String> form)
            throws IOException, ApprovalException {
        String[] parts = path.split("/");
        if (parts.length != 4 || !parts[1].equals("requests")) {
            html(ex, 404, Html.page("Not found", session.approver(), session.csrf(), "No such action."));
            return;
        }
        String id = parts[2];
        boolean approve = parts[3].equals("approve");
        if (!approve && !parts[3].equals("deny")) {
            html(ex, 404, Html.page("Not found", session.approver(), session.csrf(), "No such action."));
            return;
        }
        String message;
        try {
            service.voteAs(id, session.approver(), approve, form.get("reason"));
            message = null;
        } catch (ApprovalException e) {
            message = e.getMessage();
        }
        ApprovalRequest r = service.find(id);
        if (r == null) {
            Exchanges.redirect(ex, "/");
        } else if (message == null) {
            Exchanges.redirect(ex, "/requests/" + id);
        } else {
            html(ex, 409, Html.page(id, session.approver(), session.csrf(), detail(r, session, message)));
        }
    }

    /** An Origin header, when the browser sends one, must be this console's own. */
    private static boolean sameOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        return origin == null || host != null && origin.endsWith("//" + host);
    }

    private static String signIn(String error) {
        return (error == null ? "" : "<div class=\"msg error\">" + esc(error) + "</div>")
                + "<div class=\"card\"><h1>Sign in</h1><p class=\"muted\">Use the approver token that "
                + "<code>airlock approvers add NAME</code> showed you. It is sent in this form's body only.</p>"
                + "<form method=\"post\" action=\"/login\"><input type=\"password\" name=\"token\" id=\"token\" "
                + "autocomplete=\"off\" placeholder=\"alt_...\" required> <button type=\"submit\" id=\"sign-in\">"
                + "Sign in</button></form></div>";
    }

    private String overview() throws ApprovalException {
        StringBuilder b = new StringBuilder("<h1>Waiting for approval</h1>");
        List<ApprovalRequest> pending = service.pending();
        if (pending.isEmpty()) {
            b.append("<div class=\"msg\">Nothing is waiting.</div>");
        } else {
            b.append("<table id=\"pending\"><tr><th>Request</th><th>Call</th><th>Plan</th><th>Requested by</th>"
                    + "<th>Approvals</th><th>Since</th></tr>");
            for (ApprovalRequest r : pending) {
                b.append("<tr><td><a class=\"mono\" href=\"/requests/").append(esc(r.id())).append("\">")
                        .append(esc(r.id())).append("</a></td><td><code>").append(esc(r.action()))
                        .append("</code><br><span class=\"mono muted\">").append(esc(String.join(", ", r.resources())))
                        .append("</span></td><td>").append(esc(r.summary())).append(measures(r)).append("</td><td>")
                        .append(esc(r.requester().user())).append(" <span class=\"muted\">on ")
                        .append(esc(r.requester().host())).append("</span></td><td>").append(r.approvers().size())
                        .append(" of ").append(r.required()).append("</td><td class=\"muted\">")
                        .append(esc(Instant.ofEpochMilli(r.createdAt()))).append("</td></tr>");
            }
            b.append("</table>");
        }
        b.append("<h2>Recent decisions</h2><table id=\"recent\"><tr><th>Request</th><th>Call</th><th>State</th>"
                + "<th>Approved by</th><th>Denied by</th></tr>");
        for (ApprovalRequest r : service.recent(25)) {
            b.append("<tr><td><a class=\"mono\" href=\"/requests/").append(esc(r.id())).append("\">")
                    .append(esc(r.id())).append("</a></td><td><code>").append(esc(r.action())).append("</code></td><td>")
                    .append(state(r)).append("</td><td>").append(esc(String.join(", ", r.approvers())))
                    .append("</td><td>").append(r.deniedBy() == null ? "" : esc(r.deniedBy() + ": " + r.reason()))
                    .append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    private static String detail(ApprovalRequest r, ConsoleSessions.Session session, String error) {
        StringBuilder b = new StringBuilder();
        if (error != null) {
            b.append("<div class=\"msg error\" id=\"error\">").append(esc(error)).append("</div>");
        }
        b.append("<h1><span class=\"mono\">").append(esc(r.id())).append("</span> ").append(state(r)).append("</h1>")
                .append("<div class=\"card\"><dl>")
                .append(row("Call", "<code>" + esc(r.action()) + "</code>"))
                .append(row("Resources", "<span class=\"mono\">" + esc(String.join(", ", r.resources())) + "</span>"))
                .append(row("Plan", esc(r.summary()) + measures(r)))
                .append(row("Fingerprint", "<span class=\"mono\">" + esc(r.fingerprint()) + "</span>"))
                .append(row("Policy statement", esc(r.statement())))
                .append(row("Requested by", esc(r.requester().user()) + " on " + esc(r.requester().host()) + ", pid "
                        + r.requester().pid() + ", tool " + esc(r.requester().tool())
                        + (r.requester().awsIdentity() == null ? "" : "<br><span class=\"mono\">"
                        + esc(r.requester().awsIdentity()) + "</span>")))
                .append(row("Approvals", r.approvers().size() + " of " + r.required()
                        + (r.approvers().isEmpty() ? "" : ": <span id=\"approvers\">"
                        + esc(String.join(", ", r.approvers())) + "</span>")))
                .append(r.deniedBy() == null ? "" : row("Denied by", esc(r.deniedBy() + ": " + r.reason())))
                .append(row("Requested", esc(Instant.ofEpochMilli(r.createdAt())) + ", can be approved until "
                        + esc(Instant.ofEpochMilli(r.expiresAt()))))
                .append("</dl></div>");
        b.append("<h2>Calling code path</h2><div class=\"card\">");
        if (r.context().frames().isEmpty()) {
            b.append("<span class=\"muted\">Not known.</span>");
        } else {
            b.append("<ol class=\"frames mono\">");
            r.context().frames().forEach(f -> b.append("<li>").append(esc(f)).append("</li>"));
            b.append("</ol>");
        }
        b.append("</div><h2>Calls this process made just before</h2><div class=\"card\">");
        if (r.context().recentCalls().isEmpty()) {
            b.append("<span class=\"muted\">None.</span>");
        } else {
            b.append("<ol class=\"frames mono\">");
            r.context().recentCalls().forEach(c -> b.append("<li>").append(esc(c)).append("</li>"));
            b.append("</ol>");
        }
        b.append("</div>");
        if (r.stateAt(System.currentTimeMillis()) == ApprovalRequest.State.PENDING) {
            String csrf = "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(session.csrf()) + "\">";
            b.append("<h2>Decide</h2><div class=\"actions\"><form method=\"post\" action=\"/requests/")
                    .append(esc(r.id())).append("/approve\">").append(csrf)
                    .append("<button class=\"approve\" id=\"approve\" type=\"submit\">Approve this exact call</button>")
                    .append("</form><form method=\"post\" action=\"/requests/").append(esc(r.id())).append("/deny\">")
                    .append(csrf).append("<input type=\"text\" name=\"reason\" id=\"reason\" placeholder=\"Reason "
                            + "(required)\" required> <button class=\"deny\" id=\"deny\" type=\"submit\">Deny</button>")
                    .append("</form></div>");
        }
        return b.toString();
    }

    private static String measures(ApprovalRequest r) {
        if (r.measures().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<br><span class=\"muted\">");
        r.measures().forEach((k, v) -> b.append(esc(k)).append(": ").append(v).append(' '));
        return b.append("</span>").toString();
    }

    private static String row(String name, String valueHtml) {
        return "<dt>" + esc(name) + "</dt><dd>" + valueHtml + "</dd>";
    }

    private static String state(ApprovalRequest r) {
        String s = r.stateAt(System.currentTimeMillis()).name();
        return "<span class=\"state " + s + "\" id=\"state\">" + s.toLowerCase() + "</span>";
    }

    private static void html(HttpExchange ex, int status, String page) throws IOException {
        Exchanges.send(ex, status, "text/html; charset=utf-8", page);
    }
}
