package dev.airlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The approver's commands, against a running approval service. */
final class ApprovalCommands {

    private ApprovalCommands() {
    }

    abstract static class Against implements Callable<Integer> {
        @Option(names = "--service", paramLabel = "URL",
                description = "The approval service (default $AIRLOCK_APPROVAL_URL, else http://127.0.0.1:7424).")
        String service;

        ServiceClient client() {
            return ServiceClient.of(service);
        }

        @Override
        public Integer call() throws Exception {
            try {
                return run();
            } catch (ServiceClient.ServiceRefusal refused) {
                System.err.println("airlock: refused: " + refused.getMessage());
                return 1;
            }
        }

        abstract int run() throws Exception;
    }

    @Command(name = "approvers", mixinStandardHelpOptions = true, subcommands = AddApprover.class,
            description = "Manages who may approve.")
    static final class Approvers implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Issues an approver token for NAME (shown once; the service keeps only its hash). Run as "
                    + "the service's OS user: it reads the service's admin token.")
    static final class AddApprover extends Against {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--key-dir", paramLabel = "DIR",
                description = "The service's key directory (default ~/.airlock/approval).")
        Path keyDir;

        @Override
        int run() throws Exception {
            Path keys = keyDir != null ? keyDir : Path.of(System.getProperty("user.home"), ".airlock", "approval");
            Path admin = keys.resolve("admin.token");
            if (!Files.isReadable(admin)) {
                throw new IllegalArgumentException("cannot read " + admin + ": run this as the approval service's "
                        + "user, with --key-dir if the service was started with one");
            }
            ObjectNode body = ServiceClient.json().createObjectNode().put("name", name);
            JsonNode out = client().post("api/approvers", Files.readString(admin).trim(), body);
            System.out.println("Approver " + out.path("name").asText() + " added. Token (shown once, keep it "
                    + "secret; set it as AIRLOCK_APPROVER_TOKEN):");
            System.out.println(out.path("token").asText());
            return 0;
        }
    }

    @Command(name = "pending", mixinStandardHelpOptions = true, description = "Lists the requests waiting for approval.")
    static final class Pending extends Against {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        int run() throws Exception {
            JsonNode list = client().get("api/pending", ServiceClient.approverToken());
            if (json) {
                System.out.println(list.toPrettyString());
                return 0;
            }
            if (list.isEmpty()) {
                System.out.println("Nothing is waiting for approval.");
            }
            for (JsonNode r : list) {
                System.out.printf("%s  %s  %s  by %s  %d of %d approvals  %s%n", r.path("id").asText(),
                        r.path("action").asText(), String.join(", ", texts(r.path("resources"))),
                        r.path("requester").path("user").asText(), r.path("approvers").size(),
                        r.path("required").asInt(), Instant.ofEpochMilli(r.path("createdAt").asLong()));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one request with its plan and context.")
    static final class Show extends Against {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        int run() throws Exception {
            JsonNode r = client().get("api/requests/" + ServiceClient.id(id), tokenIfAny());
            if (json) {
                System.out.println(r.toPrettyString());
                return 0;
            }
            JsonNode who = r.path("requester");
            System.out.println(r.path("id").asText() + "  " + r.path("state").asText().toLowerCase());
            System.out.println("  call:        " + r.path("action").asText() + " on "
                    + String.join(", ", texts(r.path("resources"))));
            System.out.println("  plan:        " + r.path("summary").asText() + " " + r.path("measures"));
            System.out.println("  fingerprint: " + r.path("fingerprint").asText());
            System.out.println("  statement:   " + r.path("statement").asText());
            System.out.println("  requester:   " + who.path("user").asText() + "@" + who.path("host").asText() + " pid "
                    + who.path("pid").asText() + " (" + who.path("tool").asText() + ")"
                    + (who.path("awsIdentity").isTextual() ? " " + who.path("awsIdentity").asText() : ""));
            System.out.println("  approvals:   " + r.path("approvers").size() + " of " + r.path("required").asInt()
                    + " " + texts(r.path("approvers")));
            if (r.path("deniedBy").isTextual()) {
                System.out.println("  denied by:   " + r.path("deniedBy").asText() + ": " + r.path("reason").asText());
            }
            System.out.println("  code path:");
            for (String f : texts(r.path("context").path("frames"))) {
                System.out.println("    at " + f);
            }
            System.out.println("  calls before:");
            for (String c : texts(r.path("context").path("recentCalls"))) {
                System.out.println("    " + c);
            }
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approves this exact request.")
    static final class Approve extends Against {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        int run() throws Exception {
            JsonNode r = client().post("api/requests/" + ServiceClient.id(id) + "/approve",
                    ServiceClient.approverToken(), null);
            System.out.println(r.path("id").asText() + " " + r.path("state").asText().toLowerCase() + ": "
                    + r.path("approvers").size() + " of " + r.path("required").asInt() + " approvals "
                    + texts(r.path("approvers")));
            return 0;
        }
    }

    @Command(name = "deny", mixinStandardHelpOptions = true, description = "Denies the request; one deny ends it.")
    static final class Deny extends Against {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (the tool is told).")
        String reason;

        @Override
        int run() throws Exception {
            ObjectNode body = ServiceClient.json().createObjectNode().put("reason", reason);
            JsonNode r = client().post("api/requests/" + ServiceClient.id(id) + "/deny",
                    ServiceClient.approverToken(), body);
            System.out.println(r.path("id").asText() + " " + r.path("state").asText().toLowerCase() + " by "
                    + r.path("deniedBy").asText());
            return 0;
        }
    }

    private static String tokenIfAny() {
        String t = System.getenv("AIRLOCK_APPROVER_TOKEN");
        return t == null || t.isBlank() ? null : t.trim();
    }

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
