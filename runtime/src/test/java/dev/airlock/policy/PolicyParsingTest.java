package dev.airlock.policy;

import static dev.airlock.policy.Calls.DEV;
import static dev.airlock.policy.Calls.PROD;
import static dev.airlock.policy.Calls.destructive;
import static dev.airlock.policy.Calls.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyParsingTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PolicyParsingTest.class.getResource("/policies/" + name).toURI());
    }

    @Test
    void readsTheYamlFormWithEveryStatementAndWhereItIsWritten() throws Exception {
        Path file = resource("brief.yaml");
        Policy p = Policy.parse(file);

        assertThat(p.size()).isEqualTo(2);
        assertThat(p.source()).isEqualTo(file.toString());
        PolicyDecision d = p.evaluate(destructive("s3:DeleteBucket", "arn:aws:s3:::prod-logs"), PROD);
        assertThat(d.effect()).isEqualTo(Effect.DENY);
        assertThat(d.statementId()).isEqualTo("NoProdDeletes");
        assertThat(d.source()).isEqualTo(file + ":3");
        assertThat(d.budgets()).containsExactly(new Budget("DeleteBudget", 5, 50, true));
    }

    @Test
    void readsTheJsonFormToTheSameDecisions() throws Exception {
        Policy yaml = Policy.parse(resource("brief.yaml"));
        Policy json = Policy.parse(resource("brief.json"));

        assertThat(json.size()).isEqualTo(2);
        for (PolicyContext ctx : List.of(DEV, PROD)) {
            for (String bucket : List.of("arn:aws:s3:::prod-logs", "arn:aws:s3:::dev-logs")) {
                PolicyDecision a = yaml.evaluate(destructive("s3:DeleteBucket", bucket), ctx);
                PolicyDecision b = json.evaluate(destructive("s3:DeleteBucket", bucket), ctx);
                assertThat(b.effect()).isEqualTo(a.effect());
                assertThat(b.statementId()).isEqualTo(a.statementId());
                assertThat(b.budgets()).isEqualTo(a.budgets());
            }
        }
        PolicyDecision d = json.evaluate(destructive("s3:DeleteBucket", "arn:aws:s3:::prod-logs"), PROD);
        assertThat(d.source()).endsWith("brief.json:4");
    }

    @Test
    void jsonTextIsRecognisedByItsBraceWhateverItsName() {
        Policy p = policy("{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"s3:DeleteBucket\"}]}");
        assertThat(p.evaluate(destructive("s3:DeleteBucket"), DEV).effect()).isEqualTo(Effect.DENY);
    }

    @Test
    void statementsWithoutSidAreNamedByTheirPosition() {
        Policy p = policy("""
                Statement:
                  - Effect: Allow
                    Action: "s3:GetObject"
                  - Effect: Deny
                    Action: "s3:DeleteBucket"
                """);

        PolicyDecision d = p.evaluate(destructive("s3:DeleteBucket"), DEV);
        assertThat(d.statementId()).isEqualTo("statement-2");
        assertThat(d.source()).isEqualTo("test.yaml:4");
    }

    @Test
    void versionIsOptionalAndASingleStatementMayBeWrittenWithoutAList() {
        Policy p = policy("""
                Statement:
                  Sid: Only
                  Effect: DryRun
                  Action: ec2:TerminateInstances
                """);

        assertThat(p.size()).isEqualTo(1);
        PolicyDecision d = p.evaluate(destructive("ec2:TerminateInstances"), DEV);
        assertThat(d.effect()).isEqualTo(Effect.DRY_RUN);
        assertThat(d.source()).isEqualTo("test.yaml:2");
    }

    @Test
    void effectWordsAreReadWhateverTheirCase() {
        Policy p = policy("""
                Statement:
                  - Effect: requireapproval
                    Action: "s3:PutObject"
                """);
        assertThat(p.evaluate(Calls.write("s3:PutObject"), DEV).effect()).isEqualTo(Effect.REQUIRE_APPROVAL);
    }

    @Test
    void anAccountIdWrittenAsANumberIsReadAsWritten() {
        Policy p = policy("""
                Statement:
                  - Effect: Deny
                    Action: "*"
                    Condition:
                      StringEquals: { aws:ResourceAccount: [012345678901, 123456789012] }
                """);

        assertThat(p.evaluate(Calls.call("s3:GetObject", dev.airlock.call.Classification.READ)
                .account("012345678901").build(), DEV).effect()).isEqualTo(Effect.DENY);
        assertThat(p.evaluate(Calls.call("s3:GetObject", dev.airlock.call.Classification.READ)
                .account("123456789012").build(), DEV).effect()).isEqualTo(Effect.DENY);
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        Policy p = policy("\uFEFFStatement:\n  - Effect: Deny\n    Action: s3:DeleteBucket\n");
        assertThat(p.evaluate(destructive("s3:DeleteBucket"), DEV).source()).isEqualTo("test.yaml:2");
    }

    @Test
    void theExamplePolicyShippedInTheJarParsesAndMeansWhatItsCommentsSay() throws Exception {
        String text;
        try (InputStream in = Policy.class.getResourceAsStream("example-policy.yaml")) {
            assertThat(in).as("example-policy.yaml on the class path").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Policy p = Policy.parse(text, "example-policy.yaml");

        assertThat(p.size()).isEqualTo(7);
        PolicyDecision prodDelete = p.evaluate(Calls.call("s3:DeleteBucket", dev.airlock.call.Classification.DESTRUCTIVE)
                .resources(List.of("arn:aws:s3:::prod-assets")).region("eu-west-1").build(), DEV);
        assertThat(prodDelete.statementId()).isEqualTo("NoProdDeletes");
        PolicyDecision scratch = p.evaluate(Calls.call("s3:DeleteObject", dev.airlock.call.Classification.DESTRUCTIVE)
                .resources(List.of("arn:aws:s3:::scratch-1/a", "arn:aws:s3:::scratch-1/b")).region("eu-west-1")
                .build(), DEV);
        assertThat(scratch.effect()).isEqualTo(Effect.ALLOW);
        assertThat(scratch.statementId()).isEqualTo("ScratchIsDisposable");
        assertThat(scratch.budgets()).extracting(Budget::id).containsExactly("DeleteBudget");
        PolicyDecision elsewhere = p.evaluate(Calls.call("s3:GetObject", dev.airlock.call.Classification.READ)
                .region("us-east-1").build(), DEV);
        assertThat(elsewhere.statementId()).isEqualTo("OnlyOurRegions");
    }

    @Test
    void aFileIsNamedInItsFaults() throws Exception {
        Path file = resource("bad-effect.yaml");
        assertThatThrownBy(() -> Policy.parse(file))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(file + ":6: ")
                .hasMessageContaining("did you mean \"Deny\"");
    }

    @Test
    void aJsonSyntaxErrorNamesItsLine() throws Exception {
        Path file = resource("bad-syntax.json");
        assertThatThrownBy(() -> Policy.parse(file))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.getMessage()).contains("JSON syntax");
                });
    }

    @Test
    void aMissingFileIsAFaultNotACrash(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.yaml");
        assertThatThrownBy(() -> Policy.parse(missing))
                .isInstanceOf(PolicyException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aFileThatIsNotTextIsAFault(@TempDir Path dir) throws IOException {
        Path binary = dir.resolve("policy.yaml");
        Files.write(binary, new byte[] {'S', 't', (byte) 0xC3, (byte) 0x28, 0, 1});
        assertThatThrownBy(() -> Policy.parse(binary))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void theBuiltInDefaultHasNoStatements() {
        Policy p = Policy.builtInDefault();
        assertThat(p.size()).isZero();
        assertThat(p.source()).isEqualTo("built-in");
    }
}
