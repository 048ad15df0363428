package dev.airlock.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassDefinerTest {

    public static class Base {
    }

    public static class Derived extends Base {
    }

    /** A loader that sees nothing of the test's classes until they are defined in it. */
    private static final class EmptyLoader extends ClassLoader implements ClassDefiner {

        EmptyLoader() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        public Class<?> define(ClassLoader loader, String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    @Test
    void aClassWhoseSupertypeComesLaterInTheSetIsDefinedAfterIt() throws Exception {
        EmptyLoader loader = new EmptyLoader();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classes.put(Derived.class.getName(), MethodEntryHookTest.bytesOf(Derived.class));
        classes.put(Base.class.getName(), MethodEntryHookTest.bytesOf(Base.class));

        loader.defineAll(loader, classes);

        Class<?> derived = Class.forName(Derived.class.getName(), false, loader);
        assertThat(derived.getClassLoader()).isSameAs(loader);
        assertThat(derived.getSuperclass().getClassLoader()).isSameAs(loader);
    }

    @Test
    void classesTheLoaderAlreadySeesAreLeftAlone() throws Exception {
        EmptyLoader loader = new EmptyLoader();
        loader.defineAll(loader, Map.of(Base.class.getName(), MethodEntryHookTest.bytesOf(Base.class)));
        Class<?> first = Class.forName(Base.class.getName(), false, loader);

        loader.defineAll(loader, Map.of(Base.class.getName(), MethodEntryHookTest.bytesOf(Base.class)));

        assertThat(Class.forName(Base.class.getName(), false, loader)).isSameAs(first);
    }

    @Test
    void aSupertypeFoundNowhereIsAnError() {
        EmptyLoader loader = new EmptyLoader();

        assertThatThrownBy(() -> loader.defineAll(loader,
                Map.of(Derived.class.getName(), MethodEntryHookTest.bytesOf(Derived.class))))
                .isInstanceOf(NoClassDefFoundError.class);
    }
}
