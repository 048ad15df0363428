package dev.airlock.console.internal;

/** Escaping and the page frame of the console: one stylesheet inline, no scripts, nothing from elsewhere. */
public final class Html {

    private Html() {
    }

    public static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String page(String title, String signedInAs, String csrf, String body) {
        String user = signedInAs == null ? "" : "<form class=\"who\" method=\"post\" action=\"/logout\">"
                + "<span>Signed in as <b>" + esc(signedInAs) + "</b></span>"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">"
                + "<button class=\"link\" type=\"submit\">Sign out</button></form>";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " - Airlock approvals</title><style>" + STYLE + "</style></head><body>"
                + "<header><a class=\"brand\" href=\"/\">Airlock <span>approvals</span></a>" + user + "</header>"
                + "<main>" + body + "</main>"
                + "<footer>Two-person approval, bound to the exact call. Every step is recorded in the audit "
                + "chain.</footer></body></html>";
    }

    private static final String STYLE = """
            :root{--ink:#1d2330;--muted:#5c6577;--line:#d9dde5;--bg:#f5f6f8;--accent:#1f5fbf;--red:#b3261e;\
            --green:#1e7d3a;--amber:#8a5a00}
            *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;\
            color:var(--ink);background:var(--bg)}
            header{display:flex;justify-content:space-between;align-items:center;padding:10px 24px;\
            background:#161b26;color:#e8ebf1}
            .brand{color:#fff;font-weight:600;text-decoration:none;letter-spacing:.2px}.brand span{color:#9fb3d9;\
            font-weight:400}
            .who{display:flex;gap:12px;align-items:center;margin:0}.who span{color:#c5cbd6}
            main{max-width:1080px;margin:24px auto;padding:0 24px}h1{font-size:20px;margin:0 0 16px}
            h2{font-size:15px;margin:28px 0 8px;color:var(--muted);text-transform:uppercase;letter-spacing:.6px}
            table{width:100%;border-collapse:collapse;background:#fff;border:1px solid var(--line)}
            th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
            th{font-weight:600;color:var(--muted);background:#fafbfc;font-size:12px;text-transform:uppercase}
            code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
            .card{background:#fff;border:1px solid var(--line);padding:16px 18px;margin-bottom:16px}
            dl{display:grid;grid-template-columns:180px 1fr;gap:6px 16px;margin:0}dt{color:var(--muted)}dd{margin:0}
            .state{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}
            .PENDING{background:#fff4d6;color:var(--amber)}.APPROVED{background:#e2f4e6;color:var(--green)}
            .DENIED{background:#fbe3e1;color:var(--red)}.USED,.EXPIRED{background:#eceef2;color:var(--muted)}
            .actions{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap}
            .actions form{background:#fff;border:1px solid var(--line);padding:12px}
            button{font:inherit;padding:6px 14px;border:1px solid var(--line);background:#fff;cursor:pointer}
            button.approve{background:var(--green);color:#fff;border-color:var(--green)}
            button.deny{background:var(--red);color:#fff;border-color:var(--red)}
            button.link{background:none;border:none;color:#9fb3d9;padding:0}
            input[type=text],input[type=password]{font:inherit;padding:6px 8px;border:1px solid var(--line);width:320px}
            .msg{padding:10px 14px;margin-bottom:16px;border:1px solid var(--line);background:#fff}
            .msg.error{border-color:#e6b3ae;background:#fdf1f0;color:var(--red)}
            .muted{color:var(--muted)}ol.frames{margin:0;padding-left:20px}
            footer{max-width:1080px;margin:32px auto;padding:0 24px;color:var(--muted);font-size:12px}
            a{color:var(--accent)}
            """;
}
