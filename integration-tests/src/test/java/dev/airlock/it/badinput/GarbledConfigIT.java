package dev.airlock.it.badinput;

import dev.airlock.it.harness.AirlockSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A config file that is not YAML at all (bytes of a binary file): refused, naming the file. */
class GarbledConfigIT extends FailClosedScenario {

    @Override
    protected AirlockSettings brokenSettings(Path workDir) throws Exception {
        byte[] junk = new byte[512];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = '{';
        junk[1] = '[';
        Path garbled = Files.write(workDir.resolve("garbled-airlock.yaml"), junk);
        return AirlockSettings.inWorkDir(workDir).with("config", garbled.toString());
    }

    @Override
    protected List<String> faultPointers() {
        return List.of("garbled-airlock.yaml");
    }
}
