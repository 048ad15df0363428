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
 * The generated catalog files in the runtime jar: one file per service prefix, read on the first use of that
 * service, and an index of all prefixes, read only when something asks for all of them (or for a prefix that
 * has no file). Creating this reads nothing, so it can neither slow down nor fail the agent's start; a JVM that
 * only talks to S3 and DynamoDB reads two small files.
 */
final class CatalogFiles {

    static final String DEFAULT_LOCATION = "dev/airlock/catalog/";

    /** Prefixes beyond this many that have no file are not remembered. */
    private static final int REMEMBERED_ABSENT = 1024;

    private final ClassLoader loader;
    private final String location;
    private final ConcurrentHashMap<String, ServiceActions> loaded = new ConcurrentHashMap<>();
    private volatile Map<String, Integer> index;

    CatalogFiles(ClassLoader loader, String location) {
        this.loader = loader;
        this.location = location;
    }

    /** Every IAM service prefix, in code-point order. */
    Set<String> prefixes() {
        return index().keySet();
    }

    boolean hasService(String prefix) {
        return service(prefix) != null;
    }

    /** How many IAM actions the catalog holds, from the index. */
    int size() {
        int total = 0;
        for (int count : index().values()) {
            total += count;
        }
        return total;
    }

    /**
     * The service's actions, loaded once; null for a prefix the catalog does not have.
     *
     * @throws IllegalStateException when the catalog itself is broken: its index is missing, or it lists a service
     *     whose file is missing or unreadable
     */
    ServiceActions service(String prefix) {
        if (prefix == null) {
            return null;
        }
        ServiceActions service = loaded.get(prefix);
        if (service == null) {
            if (!isPrefixName(prefix)) {
                return null;
            }
            service = readService(prefix);
            if (service != ServiceActions.ABSENT || loaded.size() < REMEMBERED_ABSENT) {
                ServiceActions raced = loaded.putIfAbsent(prefix, service);
                service = raced != null ? raced : service;
            }
        }
        return service == ServiceActions.ABSENT ? null : service;
    }

    private ServiceActions readService(String prefix) {
        String name = location.concat("services/").concat(prefix).concat(".txt");
        try {
            String text = read(name);
            if (text == null) {
                if (index().containsKey(prefix)) {
                    throw new IllegalStateException("the action catalog lists " + prefix + " but " + name
                            + " is missing from the class path");
                }
                return ServiceActions.ABSENT;
            }
            return ServiceActions.read(prefix, text, name);
        } catch (IOException e) {
            throw new UncheckedIOException("the action catalog file " + name + " is unreadable: " + e.getMessage(), e);
        }
    }

    private Map<String, Integer> index() {
        Map<String, Integer> known = index;
        if (known == null) {
            known = readIndex();
            index = known;
        }
        return known;
    }

    private Map<String, Integer> readIndex() {
        String name = location.concat("index.txt");
        Map<String, Integer> prefixes = new LinkedHashMap<>(1024);
        try {
            String text = read(name);
            if (text == null) {
                throw new IOException(name + " is missing from the class path");
            }
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

    /** The whole file at once (far cheaper in a cold JVM than a Reader that decodes line by line); null if absent. */
    private String read(String name) throws IOException {
        try (InputStream stream = loader.getResourceAsStream(name)) {
            return stream == null ? null : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The end of the line starting at {@code start}: its newline, or the end of the text. */
    static int lineEnd(String text, int start) {
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }

    /** IAM prefixes are lower-case letters, digits and hyphens; nothing else may reach a resource path. */
    private static boolean isPrefixName(String prefix) {
        if (prefix.isEmpty() || prefix.length() > 64) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }
}
