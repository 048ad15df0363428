package dev.airlock.agent.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.airlock.agent.internal.MethodEntryHook;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signer hooks find their one method (bridges aside) in the classes of the SDK the tests are built with. */
class SignerHookPointsTest {

    @Test
    void eachSignerPointHooksOneMethodOfTheRealSigner() throws IOException {
        List<SdkHookPoint> signers = AwsSdkInstrumentation.points().stream().filter(SdkHookPoint::sideDoor).toList();
        assertThat(signers).hasSize(4);
        for (SdkHookPoint point : signers) {
            String className = point.root() + point.tail();
            assertThat(point.rootOf(className)).isEqualTo(point.root());
            assertThat(point.rootOf("com/acme/shaded/" + className)).isEqualTo("com/acme/shaded/" + point.root());
            byte[] bytes = classFile(className);
            // The first shape the class has is the one hooked, as the transformer does; it must have one.
            boolean hooked = false;
            for (MethodEntryHook hook : point.hooks()) {
                try {
                    assertThat(hook.apply(bytes)).isNotEmpty();
                    hooked = true;
                    break;
                } catch (IllegalStateException e) {
                    // try the next shape
                }
            }
            assertThat(hooked).as(className + " " + point.hooks().get(0).methodName()).isTrue();
        }
    }

    @Test
    void aClassWithoutTheSignersMethodIsNotHooked() {
        SdkHookPoint point = AwsSdkInstrumentation.points().stream().filter(SdkHookPoint::sideDoor).findFirst()
                .orElseThrow();
        assertThatCode(() -> point.hooks().get(0).apply(classFile("java/lang/Object")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static byte[] classFile(String internalName) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            assertThat(in).as(internalName).isNotNull();
            return in.readAllBytes();
        }
    }
}
