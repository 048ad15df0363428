package dev.airlock.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.airlock.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Garbage where YAML is wanted gets a message a person can act on: the file, the line (and column where the
 * parser knows it), what was expected; never the text of a parser's own objects.
 */
class GarbageYamlTest {

    static Stream<String> garbage() {
        return Stream.of(GARBAGE);
    }

    static final String[] GARBAGE = {"policy: [", ":::", "just words", "- a\n- b", "audit: {file: x", "a: b\n c: d: e",
        "\"unterminated", "a: 'x\n", "%YAML 9.9\n---\na: b", "a: !!binary zzz", "? [a\n", "a: b\n- c", "@x", "`x",
        "a: *nowhere", "{a: 1}}", "a:\n\t- b", "[1, 2", "a: b\n---\n[", "\u0000\u0001"};

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("garbage")
    void aConfigFileOfGarbageIsNamedWithWhereAndWhatWasExpected(String text) throws Exception {
        Path file = dir.resolve("airlock.yaml");
        Files.writeString(file, text);
        Properties props = new Properties();
        props.setProperty("user.home", dir.toString());
        props.setProperty("airlock.config", file.toString());

        Throwable thrown = catchThrowable(() -> ConfigLoader.load(null, new HashMap<>(), props));

        assertThat(thrown).as(text).isInstanceOf(ConfigException.class);
        assertReadable(thrown.getMessage(), file);
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void aPolicyFileOfGarbageIsNamedWithWhereAndWhatWasExpected(String text) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, text);

        Throwable thrown = catchThrowable(() -> Policy.parse(file));

        assertThat(thrown).as(text).isNotNull();
        assertReadable(thrown.getMessage(), file);
    }

    static void assertReadable(String message, Path file) {
        assertThat(message).contains(file.getFileName().toString()).containsPattern("line \\d+|\\.yaml:\\d+:")
                .doesNotContain("org.yaml", "com.fasterxml", "snakeyaml", "Exception", "JsonToken", "Node(")
                .doesNotContainPattern("\\b[A-Z][A-Za-z]+\\{")
                .doesNotContainPattern("[A-Za-z]+@[0-9a-f]{4,}");
        assertThat(message.lines().count()).as("one line: " + message).isEqualTo(1);
    }
}
