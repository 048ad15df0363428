package dev.airlock.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * In agent mode the {@code dev.airlock.sdk} classes are defined in the application's SDK class loader, where the
 * only Airlock classes they can reach are the bridge's, on the bootstrap path. A reference to any other runtime
 * package would fail there with {@code NoClassDefFoundError}, on every SDK call.
 */
class SdkPackageBoundaryTest {

    private static final Pattern AIRLOCK_REFERENCE = Pattern.compile("dev[/.]airlock[/.](\\w+)");

    @Test
    void sdkClassesReferenceOnlyTheirOwnPackageAndTheBridge() throws IOException, URISyntaxException {
        Path classes = Path.of(AirlockHeldException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path sdk = classes.resolve("dev/airlock/sdk");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sdk)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        TreeSet<String> packages = new TreeSet<>();
        for (Path file : files) {
            Matcher m = AIRLOCK_REFERENCE.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                packages.add(m.group(1));
            }
        }
        assertThat(files).hasSizeGreaterThan(3);
        assertThat(packages).containsOnly("sdk", "bridge");
    }
}
