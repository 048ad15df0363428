package dev.airlock.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MethodEntryHookTest {

    /** Stands in for the SDK class: the hooked method and others that must stay as they are. */
    public static final class Target {

        public static String execute(Object params, Object config) {
            return "executed " + params + " " + config;
        }

        public static String execute(Object params) {
            return "one argument " + params;
        }

        public static String other(Object a, Object b) {
            return "other";
        }
    }

    /** Stands in for the agent's hook. */
    public static final class Recorder {

        static final List<String> SEEN = new ArrayList<>();

        public static void before(Object params, Object config) {
            if ("stop".equals(params)) {
                throw new IllegalStateException("held");
            }
            SEEN.add(params + "|" + config);
        }
    }

    @BeforeEach
    void clear() {
        Recorder.SEEN.clear();
    }

    @Test
    void theHookSeesTheArgumentsBeforeTheMethodRunsAndTheMethodStillRuns() throws Exception {
        Method execute = hooked().getMethod("execute", Object.class, Object.class);

        assertThat(execute.invoke(null, "p", "c")).isEqualTo("executed p c");
        assertThat(Recorder.SEEN).containsExactly("p|c");
    }

    @Test
    void aHookThatThrowsStopsTheCallWithItsException() throws Exception {
        Method execute = hooked().getMethod("execute", Object.class, Object.class);

        assertThatThrownBy(() -> execute.invoke(null, "stop", "c"))
                .isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("held");
    }

    @Test
    void otherMethodsAreLeftAsTheyAre() throws Exception {
        Class<?> type = hooked();

        assertThat(type.getMethod("execute", Object.class).invoke(null, "x")).isEqualTo("one argument x");
        assertThat(type.getMethod("other", Object.class, Object.class).invoke(null, "a", "b")).isEqualTo("other");
        assertThat(Recorder.SEEN).isEmpty();
    }

    @Test
    void aClassWithoutTheMethodIsAnErrorNotASilentPass() throws IOException {
        MethodEntryHook hook = new MethodEntryHook("missing", 2, Recorder.class.getName(), "before");

        assertThatThrownBy(() -> hook.apply(bytesOf(Target.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
    }

    /** Target, hooked, in a loader of its own that finds the recorder through its parent. */
    private static Class<?> hooked() throws IOException {
        byte[] bytes = new MethodEntryHook("execute", 2, Recorder.class.getName(), "before")
                .apply(bytesOf(Target.class));
        return new ClassLoader(MethodEntryHookTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(Target.class.getName(), bytes, 0, bytes.length);
            }
        }.define();
    }

    static byte[] bytesOf(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader()
                .getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
