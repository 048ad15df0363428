package dev.airlock.agent.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.internal.MethodEntryHook;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/** An SDK a tool relocated is found by the names below its root, and its hooks point at the relocated SDK. */
class RelocatedSdkTest {

    private final SdkHookPoint v2 = new SdkHookPoint("software/amazon/awssdk",
            "/awscore/internal/AwsExecutionContextBuilder",
            List.of(new MethodEntryHook("invokeInterceptorsAndCreateExecutionContext", 2, "x.Hook", "h")), null,
            "dev.airlock.sdk.internal.AgentHook", false);

    @Test
    void thePlainAndRelocatedSdksMatchButAirlocksOwnNever() {
        assertThat(v2.rootOf("software/amazon/awssdk/awscore/internal/AwsExecutionContextBuilder"))
                .isEqualTo("software/amazon/awssdk");
        assertThat(v2.rootOf("com/acme/shaded/software/amazon/awssdk/awscore/internal/AwsExecutionContextBuilder"))
                .isEqualTo("com/acme/shaded/software/amazon/awssdk");
        assertThat(v2.rootOf("com/acme/deps/awssdk/awscore/internal/AwsExecutionContextBuilder"))
                .isEqualTo("com/acme/deps/awssdk");
        assertThat(v2.rootOf("dev/airlock/shaded/awssdk/awscore/internal/AwsExecutionContextBuilder")).isNull();
        assertThat(v2.rootOf("com/acme/awscore/internal/AwsExecutionContextBuilder")).isNull();
        assertThat(v2.rootOf("software/amazon/awssdk/awscore/internal/Other")).isNull();
    }

    @Test
    void relocatedHooksReferToTheRelocatedSdkAndLiveInTheirOwnPackage() throws IOException {
        String name = "dev.airlock.sdk.internal.AgentHook";
        Map<String, byte[]> helpers = new TreeMap<>(Map.of(name, bytesOf(name)));
        String root = "com/acme/shaded/software/amazon/awssdk";

        Map<String, byte[]> relocated = RelocatedHelpers.relocate(helpers, "software/amazon/awssdk", root);

        String newName = RelocatedHelpers.relocatedName(name, "software/amazon/awssdk", root);
        assertThat(newName).startsWith("dev.airlock.sdk.relocated.").endsWith(".internal.AgentHook");
        assertThat(relocated).containsOnlyKeys(newName);
        List<String> owners = new java.util.ArrayList<>();
        new ClassReader(relocated.get(newName)).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String n, String d, String s, String[] e) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String m, String desc, boolean itf) {
                        owners.add(owner);
                    }
                };
            }
        }, 0);
        assertThat(owners).anyMatch(o -> o.startsWith(root + "/core/"))
                .noneMatch(o -> o.startsWith("software/amazon/awssdk/"))
                .anyMatch(o -> o.startsWith("dev/airlock/sdk/relocated/"));
    }

    @Test
    void aRelocatedSdkGetsTheDeniedTypeBesideTheHeldOneAndBothAreItsOwnSdkClientExceptions() throws IOException {
        String enforcer = "dev.airlock.sdk.internal.V2Enforcer";
        String denied = "dev.airlock.sdk.AirlockDeniedException";
        String held = "dev.airlock.sdk.AirlockHeldException";
        Map<String, byte[]> helpers = new TreeMap<>(Map.of(enforcer, bytesOf(enforcer), denied, bytesOf(denied),
                held, bytesOf(held)));
        String root = "com/acme/shaded/software/amazon/awssdk";

        Map<String, byte[]> relocated = RelocatedHelpers.relocate(helpers, "software/amazon/awssdk", root);

        String newDenied = RelocatedHelpers.relocatedName(denied, "software/amazon/awssdk", root);
        String newHeld = RelocatedHelpers.relocatedName(held, "software/amazon/awssdk", root);
        assertThat(newDenied).startsWith("dev.airlock.sdk.relocated.").endsWith(".AirlockDeniedException");
        assertThat(new ClassReader(relocated.get(newDenied)).getSuperName())
                .isEqualTo(root + "/core/exception/SdkClientException");
        assertThat(new ClassReader(relocated.get(newHeld)).getSuperName())
                .isEqualTo(root + "/core/exception/SdkClientException");
        List<String> created = new java.util.ArrayList<>();
        new ClassReader(relocated.get(RelocatedHelpers.relocatedName(enforcer, "software/amazon/awssdk", root)))
                .accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String n, String d, String s, String[] e) {
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitTypeInsn(int op, String type) {
                                if (op == Opcodes.NEW) {
                                    created.add(type);
                                }
                            }
                        };
                    }
                }, 0);
        assertThat(created).contains(newDenied.replace('.', '/'), newHeld.replace('.', '/'));
    }

    private static byte[] bytesOf(String binaryName) throws IOException {
        try (InputStream in = RelocatedSdkTest.class.getClassLoader()
                .getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            assertThat(in).as(binaryName + " on the test class path").isNotNull();
            return in.readAllBytes();
        }
    }
}
