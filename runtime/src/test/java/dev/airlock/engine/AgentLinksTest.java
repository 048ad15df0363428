package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.ProcessStartHook;
import dev.airlock.sdk.internal.AgentHook;
import dev.airlock.sdk.signer.internal.SignerHook;
import dev.airlock.sdk.v1.internal.V1AgentHook;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** Every name the agent reaches the runtime by still names what the agent expects. */
class AgentLinksTest {

    @Test
    void classNamesNameTheirClasses() {
        assertThat(AgentLinks.AGENT_ENTRY).isEqualTo(AgentEntry.class.getName());
        assertThat(AgentLinks.BRIDGE).isEqualTo(AirlockBridge.class.getName());
        assertThat(AgentLinks.PROCESS_START_HOOK).isEqualTo(ProcessStartHook.class.getName());
        assertThat(AgentLinks.SDK_V2_HOOK).isEqualTo(AgentHook.class.getName());
        assertThat(AgentLinks.SDK_V1_HOOK).isEqualTo(V1AgentHook.class.getName());
        assertThat(AgentLinks.SDK_SIGNER_HOOK).isEqualTo(SignerHook.class.getName());
        assertThat(AgentLinks.UNGUARDED_SDK).isEqualTo(dev.airlock.bridge.UnguardedSdk.class.getName());
    }

    @Test
    void methodsTakeWhatTheAgentPasses() throws Exception {
        assertPublicStatic(AgentEntry.class.getMethod(AgentLinks.AGENT_ENTRY_START, String.class, String.class,
                java.util.Properties.class, java.util.Map.class));
        assertPublicStatic(AirlockBridge.class.getMethod(AgentLinks.BRIDGE_EXPECT_RUNTIME, ClassLoader.class));
        assertPublicStatic(AirlockBridge.class.getMethod(AgentLinks.BRIDGE_START_FAILED, String.class));
        assertPublicStatic(AirlockBridge.class.getMethod(AgentLinks.BRIDGE_REPORT, String.class));
        assertPublicStatic(dev.airlock.bridge.UnguardedSdk.class.getMethod(AgentLinks.UNGUARDED_SDK_METHOD));
        assertPublicStatic(AgentHook.class.getMethod(AgentLinks.SDK_V2_HOOK_METHOD, Object.class, Object.class,
                Object.class));
        assertPublicStatic(V1AgentHook.class.getMethod(AgentLinks.SDK_V1_LEGACY_HOOK_METHOD, Object.class,
                Object.class, Object.class, Object.class, Object.class));
        assertPublicStatic(AirlockBridge.class.getMethod(AgentLinks.BRIDGE_START_BEGUN));
        assertPublicStatic(AirlockBridge.class.getMethod(AgentLinks.BRIDGE_START_FINISHED));
        assertPublicStatic(ProcessStartHook.class.getMethod(AgentLinks.PROCESS_START_HOOK_METHOD, Object.class,
                Object.class));
        assertPublicStatic(AgentHook.class.getMethod(AgentLinks.SDK_V2_HOOK_METHOD, Object.class, Object.class));
        assertPublicStatic(V1AgentHook.class.getMethod(AgentLinks.SDK_V1_HOOK_METHOD, Object.class));
        Class<?> o = Object.class;
        assertPublicStatic(SignerHook.class.getMethod(AgentLinks.SDK_SIGNER_SIGN, o, o));
        assertPublicStatic(SignerHook.class.getMethod(AgentLinks.SDK_SIGNER_SIGN_ASYNC, o, o));
        assertPublicStatic(SignerHook.class.getMethod(AgentLinks.SDK_SIGNER_LEGACY_SIGN, o, o, o, o));
        assertPublicStatic(SignerHook.class.getMethod(AgentLinks.SDK_SIGNER_LEGACY_SIGN, o, o, o, o, o));
        assertPublicStatic(SignerHook.class.getMethod(AgentLinks.SDK_SIGNER_LEGACY_PRESIGN, o, o, o, o));
    }

    @Test
    void packagePathsHoldTheClassesTheAgentTakes() {
        assertThat(AirlockBridge.class.getName().replace('.', '/')).startsWith(AgentLinks.BRIDGE_PACKAGE_PATH);
        assertThat(AgentHook.class.getName().replace('.', '/')).startsWith(AgentLinks.SDK_PACKAGE_PATH);
        assertThat(V1AgentHook.class.getName().replace('.', '/')).startsWith(AgentLinks.SDK_V1_PACKAGE_PATH);
        // The signer hooks are defined with the SDK v2 hooks, in every loader that holds SDK v2.
        assertThat(SignerHook.class.getName().replace('.', '/')).startsWith(AgentLinks.SDK_PACKAGE_PATH)
                .doesNotStartWith(AgentLinks.SDK_V1_PACKAGE_PATH);
    }

    private static void assertPublicStatic(Method m) {
        assertThat(Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())).as(m.toString())
                .isTrue();
    }
}
