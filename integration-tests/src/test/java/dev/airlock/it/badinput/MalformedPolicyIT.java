package dev.airlock.it.badinput;

import dev.airlock.it.harness.AirlockSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A policy with a mistake on line 9: destructive calls are refused, naming the file and the line. */
class MalformedPolicyIT extends FailClosedScenario {

    static final String POLICY = """
            # Policy for the environment-reset tool
            Version: "2026-11-01"
            Statement:
              - Sid: ReadsAreFine
                Effect: Allow
                Action: ["s3:Get*", "s3:List*"]

              - Sid: CleanUpScratch
                Effect: Obliterate
                Action: "s3:Delete*"
            """;

    @Override
    protected AirlockSettings brokenSettings(Path workDir) throws Exception {
        Path policy = Files.writeString(workDir.resolve("bad-policy.yaml"), POLICY);
        return AirlockSettings.inWorkDir(workDir).with("policy", policy.toString());
    }

    @Override
    protected List<String> faultPointers() {
        return List.of("bad-policy.yaml:9");
    }
}
