package dev.airlock.process.internal.shim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShimServerTest {

    @TempDir
    Path dir;

    private final List<ShimRequest> asked = new CopyOnWriteArrayList<>();

    @Test
    void aRequestWithTheSecretIsReadAndAnswered() throws Exception {
        try (ShimServer server = ShimServer.start(r -> {
            asked.add(r);
            return r.args().contains("rb") ? ShimAnswer.stop("Airlock held it") : ShimAnswer.proceed(Map.of("A", "1"));
        })) {
            String ls = ask(server.port(), request(server.secret(), "aws", List.of("s3", "ls", "a b\nc"),
                    "AWS_REGION=eu-west-1"));
            String rb = ask(server.port(), request(server.secret(), "aws", List.of("s3", "rb", "s3://x"), ""));

            assertThat(ls).isEqualTo("PROCEED\nA=1\nEND\n");
            assertThat(rb).isEqualTo("STOP\nAirlock held it\n");
            assertThat(asked.get(0).args()).containsExactly("s3", "ls", "a b\nc");
            assertThat(asked.get(0).environment()).containsEntry("AWS_REGION", "eu-west-1");
            assertThat(asked.get(0).directory()).isEqualTo(Path.of("/work"));
        }
    }

    @Test
    void withoutTheSecretOrWithGarbageNothingIsAskedAndNothingAnswered() throws Exception {
        try (ShimServer server = ShimServer.start(r -> {
            asked.add(r);
            return ShimAnswer.proceed(Map.of());
        })) {
            String wrong = ask(server.port(), request("f".repeat(64), "aws", List.of("s3", "ls"), ""));
            Random random = new Random(7);
            for (int i = 0; i < 200; i++) {
                byte[] junk = new byte[random.nextInt(2000)];
                random.nextBytes(junk);
                assertThat(server.read(new ByteArrayInputStream(junk))).isNull();
            }
            byte[] truncated = request(server.secret(), "aws", List.of("s3", "ls"), "");
            for (int cut = 0; cut < truncated.length - 1; cut++) {
                assertThat(server.read(new ByteArrayInputStream(truncated, 0, cut))).isNull();
            }

            assertThat(wrong).isEmpty();
            assertThat(asked).isEmpty();
        }
    }

    @Test
    void staleDirectoriesOfEndedJvmsAreRemovedAndLiveOnesKept() throws Exception {
        ShimDirectory live = ShimDirectory.create(dir, List.of("aws"), 1, "s");
        Path stale = Files.createDirectories(dir.resolve("airlock-shims-old"));
        Files.writeString(stale.resolve(ShimDirectory.SCRIPT), "__airlock_pid=999999999\n");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 3L * 24 * 3600 * 1000));
        Files.setLastModifiedTime(live.path(), FileTime.fromMillis(0));

        ShimDirectory.removeStale(dir);

        assertThat(stale).doesNotExist();
        assertThat(live.path().resolve("aws")).exists();
    }

    private static byte[] request(String secret, String tool, List<String> args, String env) {
        StringBuilder sb = new StringBuilder(ShimServer.MAGIC + "\0" + secret + "\0/work\0" + tool + "\0"
                + args.size() + "\0");
        args.forEach(a -> sb.append(a).append('\0'));
        if (!env.isEmpty()) {
            sb.append(env).append('\0');
        }
        sb.append("END\0");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String ask(int port, byte[] request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
