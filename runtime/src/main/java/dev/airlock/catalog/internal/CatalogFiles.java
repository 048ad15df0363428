package dev.airlock.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generated catalog files in the runtime jar: the index, read when the catalog is created, and one file per
 * service prefix, read on the first use of that service. A JVM that only talks to S3 and DynamoDB reads two
 * small files.
 */
final class CatalogFiles {

    static final String DEFAULT_LOCATION = "dev/airlock/catalog/";

    private final ClassLoader loader;
    private final String location;
    private final Map<String, Integer> index;
    private final int size;
    private final ConcurrentHashMap<String, ServiceActions> loaded = new ConcurrentHashMap<>();

    CatalogFiles(ClassLoader loader, String location) {
        this.loader = loader;
        this.location = location;
        this.index = readIndex();
        int total = 0;
        for (int count : index.values()) {
            total += count;
        }
        this.size = total;
    }

    /** Every IAM service prefix, in code-point order. */
    Set<String> prefixes() {
        return index.keySet();
    }

    boolean hasService(String prefix) {
        return prefix != null && index.containsKey(prefix);
    }

    int size() {
        return size;
    }

    /** The service's actions, loaded once; null for a prefix the catalog does not have. */
    ServiceActions service(String prefix) {
        if (!hasService(prefix)) {
            return null;
        }
        ServiceActions service = loaded.get(prefix);
        return service != null ? service : loaded.computeIfAbsent(prefix, this::readService);
    }

    private Map<String, Integer> readIndex() {
        String name = location + "index.txt";
        Map<String, Integer> prefixes = new LinkedHashMap<>(1024);
        try {
            String text = read(name);
            int number = 0;
            for (int start = 0, end; start < text.length(); start = end + 1) {
                end = lineEnd(text, start);
                String line = text.substring(start, end);
                number++;
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IOException(name + " line " + number + " is not prefix<TAB>count");
                }
                prefixes.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("the action catalog index " + name + " is unreadable: " + e.getMessage(), e);
        }
        if (prefixes.isEmpty()) {
            throw new IllegalStateException("the action catalog index " + name + " lists no services");
        }
        return Collections.unmodifiableMap(prefixes);
    }

    private ServiceActions readService(String prefix) {
        String name = location + "services/" + prefix + ".txt";
        try {
            return ServiceActions.read(prefix, read(name), name);
        } catch (IOException e) {
            throw new UncheckedIOException("the action catalog file " + name + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** The whole file at once: far cheaper in a cold JVM than a Reader that decodes line by line. */
    private String read(String name) throws IOException {
        try (InputStream stream = loader.getResourceAsStream(name)) {
            if (stream == null) {
                throw new IOException(name + " is missing from the class path");
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The end of the line starting at {@code start}: its newline, or the end of the text. */
    static int lineEnd(String text, int start) {
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }
}
