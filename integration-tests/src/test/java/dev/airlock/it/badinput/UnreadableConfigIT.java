package dev.airlock.it.badinput;

import dev.airlock.it.harness.AirlockSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code config=} names something that cannot be read as a file (a directory: unreadable even to root, where
 * file permissions are not). Destructive calls are refused, naming the path.
 */
class UnreadableConfigIT extends FailClosedScenario {

    @Override
    protected AirlockSettings brokenSettings(Path workDir) throws Exception {
        Path notAFile = Files.createDirectories(workDir.resolve("airlock-config.yaml"));
        return AirlockSettings.inWorkDir(workDir).with("config", notAFile.toString());
    }

    @Override
    protected List<String> faultPointers() {
        return List.of("airlock-config.yaml");
    }
}
