package dev.airlock.catalog.internal;

import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionInfo;
import dev.airlock.catalog.ResourceType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IAM actions and resource types of one service prefix, from its generated file. Loading only indexes the
 * lines by action name; an action is parsed and classified the first time it is asked for, so a program that
 * uses five S3 actions pays for five.
 */
final class ServiceActions {

    /** Stands for a prefix that has no file, so that the miss is remembered. */
    static final ServiceActions ABSENT = new ServiceActions("", "", Map.of(), Map.of());

    private final String prefix;
    private final String source;
    /** Lower-case action name → its line, as generated. */
    private final Map<String, String> lines;
    /** Resource type key → its two shapes, optional [0] and required [1]. */
    private final Map<String, ResourceType[]> types;
    private final ConcurrentHashMap<String, ActionInfo> parsed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<ArnTemplate>> templates = new ConcurrentHashMap<>();

    private ServiceActions(String prefix, String source, Map<String, String> lines, Map<String, ResourceType[]> types) {
        this.prefix = prefix;
        this.source = source;
        this.lines = lines;
        this.types = types;
    }

    String prefix() {
        return prefix;
    }

    int size() {
        return lines.size();
    }

    /** The action, looked up case-insensitively; null when the service has none of that name. */
    ActionInfo action(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        ActionInfo info = parsed.get(key);
        if (info == null) {
            String line = lines.get(key);
            if (line == null) {
                return null;
            }
            ActionInfo fresh = parse(line);
            info = parsed.putIfAbsent(key, fresh);
            return info != null ? info : fresh;
        }
        return info;
    }

    /** Every action of the service, parsing those not parsed yet. */
    Collection<ActionInfo> actions() {
        List<ActionInfo> all = new ArrayList<>(lines.size());
        for (String key : lines.keySet()) {
            all.add(action(key));
        }
        return all;
    }

    /**
     * The compiled ARN templates of a resource type of this service: usually one, several where the reference
     * lists alternatives separated by ", " (API Gateway's REST and HTTP APIs).
     */
    List<ArnTemplate> templates(ResourceType type) {
        List<ArnTemplate> compiled = templates.get(type.arnTemplate());
        if (compiled == null) {
            compiled = compileAll(type.arnTemplate());
            List<ArnTemplate> raced = templates.putIfAbsent(type.arnTemplate(), compiled);
            return raced != null ? raced : compiled;
        }
        return compiled;
    }

    /** Every resource type of the service, in the order of its file. */
    List<ResourceType> resourceTypes() {
        List<ResourceType> all = new ArrayList<>(types.size());
        for (ResourceType[] type : types.values()) {
            all.add(type[0]);
        }
        return all;
    }

    /**
     * Reads a service file: {@code r<TAB>key<TAB>arnTemplate} lines, then
     * {@code a<TAB>Name<TAB>level<TAB>resourceType[!]...} lines; {@code #} starts a comment.
     */
    static ServiceActions read(String prefix, String text, String source) throws IOException {
        Map<String, ResourceType[]> types = new LinkedHashMap<>();
        Map<String, String> lines = new HashMap<>(512);
        int number = 0;
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = CatalogFiles.lineEnd(text, start);
            String line = text.substring(start, end);
            number++;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int nameEnd = line.indexOf('\t', 2);
            if (line.startsWith("a\t") && nameEnd > 2 && line.length() >= nameEnd + 2) {
                lines.put(line.substring(2, nameEnd).toLowerCase(Locale.ROOT), line);
            } else if (line.startsWith("r\t") && nameEnd > 2 && line.indexOf('\t', nameEnd + 1) < 0) {
                String key = line.substring(2, nameEnd);
                String template = line.substring(nameEnd + 1);
                types.put(key, new ResourceType[] {
                    new ResourceType(key, template, false), new ResourceType(key, template, true)});
            } else {
                throw new IOException(source + " line " + number + " is not a resource type or action line");
            }
        }
        return new ServiceActions(prefix, source, lines, types);
    }

    private ActionInfo parse(String line) {
        List<String> fields = split(line);
        String name = fields.get(1);
        String level = fields.get(2);
        String accessLevel = switch (level) {
            case "R" -> "Read";
            case "L" -> "List";
            case "W" -> "Write";
            case "T" -> "Tagging";
            case "P" -> "Permissions management";
            default -> throw new IllegalStateException(source + ": " + name + " has unknown access level " + level);
        };
        List<ResourceType> resourceTypes = new ArrayList<>(fields.size() - 3);
        for (int i = 3; i < fields.size(); i++) {
            String ref = fields.get(i);
            boolean required = ref.endsWith("!");
            ResourceType[] type = types.get(required ? ref.substring(0, ref.length() - 1) : ref);
            if (type == null) {
                throw new IllegalStateException(source + ": " + name + " names undefined resource type " + ref);
            }
            resourceTypes.add(type[required ? 1 : 0]);
        }
        Classification classification = ActionRules.classify(prefix, name, level.charAt(0));
        return new ActionInfo(name, prefix, accessLevel, classification, resourceTypes);
    }

    private static List<ArnTemplate> compileAll(String templates) {
        if (!templates.contains(", ")) {
            return List.of(ArnTemplate.compile(templates));
        }
        List<ArnTemplate> compiled = new ArrayList<>(2);
        for (String one : templates.split(", ")) {
            compiled.add(ArnTemplate.compile(one.trim()));
        }
        return List.copyOf(compiled);
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>(8);
        int start = 0;
        int tab;
        while ((tab = line.indexOf('\t', start)) >= 0) {
            fields.add(line.substring(start, tab));
            start = tab + 1;
        }
        fields.add(line.substring(start));
        return fields;
    }
}
