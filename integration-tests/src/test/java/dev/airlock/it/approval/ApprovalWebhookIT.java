package dev.airlock.it.approval;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.airlock.it.approval.ApprovalEndToEndIT.approvalId;
import static dev.airlock.it.approval.ApprovalEndToEndIT.createTable;
import static dev.airlock.it.approval.ApprovalEndToEndIT.guardedDropper;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.LocalServers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A held call is announced to a Slack-compatible webhook, with a link to the request in the console. */
class ApprovalWebhookIT {

    @Test
    void aNewRequestReachesTheWebhookWithALinkToTheConsole() throws Exception {
        WireMockServer hook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        hook.start();
        try {
            hook.stubFor(post("/hooks/approvals").willReturn(ok()));
            Backend aws = LocalServers.shared();
            String table = "webhook-" + System.nanoTime();
            createTable(aws, table);
            Path work = BuildPaths.freshWorkDir("approval-webhook");
            try (ApprovalService service = ApprovalService.local(work, "--webhook",
                    "http://127.0.0.1:" + hook.port() + "/hooks/approvals");
                 Child tool = guardedDropper(work, service, "fail-fast", aws, table)) {
                String id = approvalId(tool.awaitPrefix("FAILED " + table, 1, Duration.ofSeconds(90)).get(0));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> hook.verify(1,
                        postRequestedFor(urlEqualTo("/hooks/approvals"))
                                .withHeader("Content-Type", containing("application/json"))
                                .withRequestBody(matchingJsonPath("$.text", containing("dynamodb:DeleteTable")))
                                .withRequestBody(matchingJsonPath("$.blocks[0].text.text", containing(table)))
                                .withRequestBody(matchingJsonPath("$.console_url",
                                        containing(service.url() + "/requests/" + id)))));
            }
        } finally {
            hook.stop();
        }
    }
}
