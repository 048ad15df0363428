package dev.airlock.agent.sdk;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

/**
 * The SDK hook classes for an SDK that a tool relocated ({@code com.acme.shaded.software.amazon.awssdk}): every
 * reference to the SDK points at the relocated names, and the hooks themselves move to a package of their own,
 * so that they can sit beside the hooks of an unrelocated SDK in the same class loader. The bridge classes keep
 * their names: they are the one copy in the bootstrap loader.
 */
final class RelocatedHelpers {

    private RelocatedHelpers() {
    }

    /** The package the hooks move to for an SDK whose root is {@code sdkRoot} (internal form, no final slash). */
    static String helperPackage(String sdkRoot) {
        return "dev/airlock/sdk/relocated/" + sdkRoot.replace('/', '_').replace('$', '_') + "/";
    }

    /** The binary name a hook class gets for that SDK. */
    static String relocatedName(String binaryName, String originalRoot, String sdkRoot) {
        return new Relocation(originalRoot, sdkRoot).map(binaryName.replace('.', '/')).replace('/', '.');
    }

    static Map<String, byte[]> relocate(Map<String, byte[]> helpers, String originalRoot, String sdkRoot) {
        Relocation relocation = new Relocation(originalRoot, sdkRoot);
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : helpers.entrySet()) {
            ClassReader reader = new ClassReader(e.getValue());
            ClassWriter writer = new ClassWriter(0);
            reader.accept(new ClassRemapper(writer, relocation), 0);
            out.put(relocation.map(e.getKey().replace('.', '/')).replace('/', '.'), writer.toByteArray());
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The hooks with single types replaced ({@code com/amazonaws/SdkClientException} by its 1.11.0 ancestor
     * {@code AmazonClientException}), for SDK releases older than the types the hooks were compiled against.
     */
    static Map<String, byte[]> retarget(Map<String, byte[]> helpers, Map<String, String> types) {
        Remapper remapper = new net.bytebuddy.jar.asm.commons.SimpleRemapper(types);
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : helpers.entrySet()) {
            ClassReader reader = new ClassReader(e.getValue());
            ClassWriter writer = new ClassWriter(0);
            reader.accept(new ClassRemapper(writer, remapper), 0);
            out.put(e.getKey(), writer.toByteArray());
        }
        return Collections.unmodifiableMap(out);
    }

    private static final class Relocation extends Remapper {
        private static final String HOOKS = "dev/airlock/sdk/";
        private final String originalRoot;
        private final String sdkRoot;
        private final String hooks;

        Relocation(String originalRoot, String sdkRoot) {
            this.originalRoot = originalRoot + "/";
            this.sdkRoot = sdkRoot + "/";
            this.hooks = helperPackage(sdkRoot);
        }

        @Override
        public String map(String internalName) {
            if (internalName.startsWith(originalRoot)) {
                return sdkRoot + internalName.substring(originalRoot.length());
            }
            if (internalName.startsWith(HOOKS)) {
                return hooks + internalName.substring(HOOKS.length());
            }
            return internalName;
        }
    }
}
