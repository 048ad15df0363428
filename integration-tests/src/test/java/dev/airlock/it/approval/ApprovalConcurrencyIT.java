package dev.airlock.it.approval;

import static dev.airlock.it.approval.ApprovalEndToEndIT.APPROVAL_ID;
import static dev.airlock.it.approval.ApprovalEndToEndIT.createTable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.LocalServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * 200 held calls at once from 4 JVMs, through two approval service instances that share one DynamoDB table:
 * every distinct call gets exactly one request, none is lost or doubled, and each approval lets exactly one
 * call through.
 */
class ApprovalConcurrencyIT {

    private static final int TABLES = 100;
    private static final Duration T = Duration.ofSeconds(180);

    @Test
    void twoHundredConcurrentHeldCallsFromFourJvmsShareTheDynamoDbStoreExactly() throws Exception {
        Backend aws = LocalServers.shared();
        Path work = BuildPaths.freshWorkDir("approval-concurrency");
        String approvals = "airlock-approvals-" + System.nanoTime();
        DynamoDbApprovalStoreIT.createApprovalTable(aws, approvals);
        List<String> tables = new ArrayList<>();
        String prefix = "many-" + System.nanoTime() + "-";
        for (int i = 0; i < TABLES; i++) {
            tables.add(prefix + i);
            createTable(aws, prefix + i);
        }
        Path one = work.resolve("one");
        Path two = work.resolve("two");
        try (ApprovalService first = ApprovalService.dynamoDb(one, approvals, aws.dynamoDb().toString())) {
            // Every instance signs with the same key: copied here as an operator would distribute it.
            copyKeys(one.resolve("keys"), two.resolve("keys"));
            try (ApprovalService second = ApprovalService.dynamoDb(two, approvals, aws.dynamoDb().toString())) {
                String token = Cli.addApprover(first, "ana");
                List<Child> jvms = new ArrayList<>();
                try {
                    // JVMs 0 and 1 ask for the first half through different instances; 2 and 3 the second half.
                    jvms.add(dropper(work, first, "jvm0", aws, tables.subList(0, 50)));
                    jvms.add(dropper(work, second, "jvm1", aws, tables.subList(0, 50)));
                    jvms.add(dropper(work, first, "jvm2", aws, tables.subList(50, 100)));
                    jvms.add(dropper(work, second, "jvm3", aws, tables.subList(50, 100)));
                    // On 2 shared cores a call may time out at the service and fail closed; it is then retried,
                    // identical, and must find the request its first attempt filed.
                    Map<String, Set<String>> idsByTable = new HashMap<>();
                    int[] rounds = new int[jvms.size()];
                    int held = 0;
                    int failedClosed = 0;
                    for (int round = 1; round <= 6; round++) {
                        held = 0;
                        for (int j = 0; j < jvms.size(); j++) {
                            Child jvm = jvms.get(j);
                            if (round > 1) {
                                jvm.send("retry");
                            }
                            rounds[j] = round;
                            jvm.awaitPrefix("ROUND DONE", round, T);
                        }
                        for (int j = 0; j < jvms.size(); j++) {
                            for (String line : roundLines(jvms.get(j), round)) {
                                if (line.contains("Airlock held")) {
                                    held++;
                                    Matcher m = APPROVAL_ID.matcher(line);
                                    assertThat(m.find()).isTrue();
                                    idsByTable.computeIfAbsent(line.split(" ")[1], k -> new HashSet<>())
                                            .add(m.group(1));
                                } else {
                                    assertThat(line).as("no call proceeds before approval").startsWith("FAILED")
                                            .contains("fails closed");
                                    failedClosed++;
                                }
                            }
                        }
                        if (held == 200) {
                            break;
                        }
                    }
                    System.out.println("[concurrency] calls that failed closed on a slow service and were retried: "
                            + failedClosed);
                    assertThat(held).isEqualTo(200);
                    assertThat(idsByTable).hasSize(TABLES).allSatisfy((t, ids) -> assertThat(ids).hasSize(1));
                    JsonNode pending = get(first, "/api/pending", token);
                    assertThat(pending.size()).isEqualTo(TABLES);
                    Set<String> pendingIds = new HashSet<>();
                    pending.forEach(r -> pendingIds.add(r.path("id").asText()));
                    Set<String> heldIds = new HashSet<>();
                    idsByTable.values().forEach(heldIds::addAll);
                    assertThat(pendingIds).isEqualTo(heldIds);

                    int i = 0;
                    for (String id : heldIds) {
                        JsonNode r = post(i++ % 2 == 0 ? first : second, "/api/requests/" + id + "/approve", token);
                        assertThat(r.path("state").asText()).isEqualTo("APPROVED");
                    }
                    Map<String, Integer> deletedBy = new HashMap<>();
                    for (int round = 0; round < 6 && deletedBy.size() < TABLES; round++) {
                        for (int j = 0; j < jvms.size(); j++) {
                            jvms.get(j).send("retry");
                            rounds[j]++;
                        }
                        for (int j = 0; j < jvms.size(); j++) {
                            jvms.get(j).awaitPrefix("ROUND DONE", rounds[j], T);
                            for (String line : roundLines(jvms.get(j), rounds[j])) {
                                if (line.startsWith("DELETED ")) {
                                    deletedBy.merge(line.substring("DELETED ".length()), 1, Integer::sum);
                                } else {
                                    assertThat(line).doesNotContain("Airlock let");
                                }
                            }
                        }
                    }
                    // Exactly: no approval is used twice and no table is deleted twice, across both instances.
                    Map<String, Integer> usesById = new HashMap<>();
                    for (Path audit : List.of(one.resolve("audit.jsonl"), two.resolve("audit.jsonl"))) {
                        for (String line : Files.readAllLines(audit)) {
                            JsonNode r = JSON.readTree(line);
                            if (r.path("operation").asText().equals("Consume")
                                    && r.path("verdict").asText().equals("USED")) {
                                usesById.merge(r.path("approvalId").asText(), 1, Integer::sum);
                            }
                        }
                    }
                    assertThat(usesById).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
                    assertThat(deletedBy).isNotEmpty().allSatisfy((t, n) -> assertThat(n).isEqualTo(1));
                    for (String t : deletedBy.keySet()) {
                        assertThat(usesById).containsKey(idsByTable.get(t).iterator().next());
                    }
                    System.out.println("[concurrency] tables deleted: " + deletedBy.size() + " of " + TABLES
                            + "; approvals used: " + usesById.size());
                    try (DynamoDbClient d = aws.dynamoDbClient()) {
                        List<String> left = d.listTables(b -> b.limit(100)).tableNames().stream()
                                .filter(t -> t.startsWith(prefix)).toList();
                        assertThat(left).doesNotContainAnyElementsOf(deletedBy.keySet());
                        assertThat(left.size() + deletedBy.size()).isEqualTo(TABLES);
                    }
                } finally {
                    for (Child jvm : jvms) {
                        jvm.close();
                    }
                }
            }
        }
    }

    private static Child dropper(Path work, ApprovalService service, String name, Backend aws, List<String> tables)
            throws Exception {
        AirlockSettings settings = AirlockSettings.inWorkDir(Files.createDirectories(work.resolve(name)))
                .with("approval.url", service.url())
                .with("approval.public-key", service.publicKey().toString());
        List<String> cmd = new ArrayList<>(List.of(ApprovalService.java(),
                "-javaagent:" + BuildPaths.agentJar() + "=" + settings.agentArguments(),
                "-cp", BuildPaths.sampleClasspath(), "dev.airlock.sample.TableDropper", aws.dynamoDb().toString()));
        cmd.addAll(tables);
        return Child.start(cmd, Map.of());
    }

    /** The lines a JVM printed in its {@code round}th round. */
    private static List<String> roundLines(Child jvm, int round) {
        List<String> out = new ArrayList<>();
        int seen = 0;
        for (String line : jvm.lines()) {
            if (line.equals("ROUND DONE")) {
                seen++;
                if (seen == round) {
                    return out;
                }
            } else if (seen == round - 1 && (line.startsWith("FAILED ") || line.startsWith("DELETED "))) {
                out.add(line);
            }
        }
        return out;
    }

    private static void copyKeys(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("signing")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode get(ApprovalService s, String path, String token) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode post(ApprovalService s, String path, String token) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
