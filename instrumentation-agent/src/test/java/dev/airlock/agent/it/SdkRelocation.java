package dev.airlock.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

/**
 * Makes the kind of jar a tool ships when it shades the AWS SDK: every class, class-name string, service file and
 * resource under {@code software.amazon.awssdk} moved under another package, the way maven-shade-plugin's
 * relocation does.
 */
final class SdkRelocation {

    private static final String FROM = "software/amazon/awssdk/";
    private static final String FROM_DOTS = "software.amazon.awssdk.";

    private final String to;
    private final String toDots;
    private final Remapper remapper = new Remapper() {
        @Override
        public String map(String internalName) {
            return internalName.startsWith(FROM) ? to + internalName.substring(FROM.length()) : internalName;
        }

        @Override
        public Object mapValue(Object value) {
            if (value instanceof String s) {
                return text(s);
            }
            return super.mapValue(value);
        }
    };

    /** @param toPackage for example {@code com.acme.shaded.software.amazon.awssdk} */
    SdkRelocation(String toPackage) {
        this.toDots = toPackage + ".";
        this.to = toDots.replace('.', '/');
    }

    private String text(String s) {
        return s.replace(FROM_DOTS, toDots).replace(FROM, to);
    }

    /** Writes one jar holding {@code jars}, relocated. */
    void relocate(Iterable<Path> jars, Path out) throws IOException {
        Set<String> written = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(file)) {
            for (Path in : jars) {
                try (JarFile source = new JarFile(in.toFile())) {
                    for (Enumeration<JarEntry> e = source.entries(); e.hasMoreElements(); ) {
                        JarEntry entry = e.nextElement();
                        String name = entry.getName();
                        if (entry.isDirectory() || name.startsWith("META-INF/MANIFEST") || name.endsWith(".SF")
                                || name.endsWith(".RSA") || name.endsWith("module-info.class")
                                || name.startsWith("META-INF/versions/")) {
                            continue;
                        }
                        byte[] bytes;
                        try (InputStream data = source.getInputStream(entry)) {
                            bytes = data.readAllBytes();
                        }
                        String target;
                        if (name.endsWith(".class")) {
                            ClassReader reader = new ClassReader(bytes);
                            ClassWriter writer = new ClassWriter(0);
                            reader.accept(new ClassRemapper(writer, remapper), 0);
                            bytes = writer.toByteArray();
                            target = remapper.map(name.substring(0, name.length() - 6)) + ".class";
                        } else {
                            target = name.startsWith("META-INF/services/")
                                    ? "META-INF/services/" + text(name.substring("META-INF/services/".length()))
                                    : text(name);
                            if (name.startsWith("META-INF/services/") || name.endsWith(".interceptors")) {
                                bytes = text(new String(bytes, StandardCharsets.UTF_8))
                                        .getBytes(StandardCharsets.UTF_8);
                            }
                        }
                        if (written.add(target)) {
                            jar.putNextEntry(new JarEntry(target));
                            jar.write(bytes);
                            jar.closeEntry();
                        }
                    }
                }
            }
        }
    }
}
