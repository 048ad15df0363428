package dev.airlock.credentials.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.call.Call;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.ActionInfo;
import dev.airlock.catalog.Partition;
import dev.airlock.catalog.ResourceType;
import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.SessionPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the session policy of one call: each IAM action the call needs, on the ARNs of the request that fit the
 * action's resource types; the narrowest catalog template when the request does not name them; {@code *} only
 * for actions that support no resource type. Actions with the same resources share a statement.
 *
 * <p>Over STS's size limit, resources that share a prefix are folded into one wildcard under that prefix. The
 * actions never change: a policy that still does not fit is refused rather than widened to other actions.
 */
public final class SessionPolicyWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionPolicyWriter() {
    }

    public static SessionPolicy forCall(Call call, ActionCatalog catalog, int limit) throws CredentialsException {
        List<String> notes = new ArrayList<>();
        Map<String, Set<String>> byAction = new LinkedHashMap<>();
        for (String action : call.actions()) {
            byAction.computeIfAbsent(action, a -> new LinkedHashSet<>())
                    .addAll(resourcesFor(action, call, catalog, notes));
        }
        for (DependentActions.Need need : DependentActions.of(call)) {
            byAction.computeIfAbsent(need.action(), a -> new LinkedHashSet<>()).add(need.arn());
            notes.add(need.action() + " on " + need.arn() + ": the service does it with the caller's permissions");
        }
        String json = write(byAction);
        if (json.length() > limit) {
            Map<String, Set<String>> folded = new LinkedHashMap<>();
            byAction.forEach((action, arns) -> folded.put(action, fold(arns)));
            String shorter = write(folded);
            if (shorter.length() > limit) {
                throw new CredentialsException("the session policy for " + call.action() + " on "
                        + call.resources().size() + " resources is " + json.length() + " characters, over STS's "
                        + limit + ", even with resources folded under shared prefixes; Airlock does not widen it "
                        + "to other actions or resources, so split the call");
            }
            notes.add("session policy of " + json.length() + " characters was over STS's " + limit + "; resources "
                    + "were folded under their shared prefixes (" + String.join(", ", union(folded)) + ")");
            json = shorter;
        }
        return new SessionPolicy(json, List.of(), List.copyOf(byAction.keySet()), notes);
    }

    private static List<String> resourcesFor(String action, Call call, ActionCatalog catalog, List<String> notes) {
        ActionInfo info = catalog.action(action);
        List<String> given = call.resources().stream().filter(r -> !r.equals("*")).toList();
        if (info == null) {
            if (given.isEmpty()) {
                notes.add(action + " is not in the catalog and the request names no resource: Resource *");
                return List.of("*");
            }
            return given;
        }
        if (info.resourceTypes().isEmpty()) {
            notes.add(action + " supports no resource type: Resource *");
            return List.of("*");
        }
        List<ArnPattern> patterns = info.resourceTypes().stream().map(t -> new ArnPattern(t.arnTemplate())).toList();
        List<String> fitting = given.stream().filter(arn -> patterns.stream().anyMatch(p -> p.matches(arn))).toList();
        if (!fitting.isEmpty()) {
            return fitting;
        }
        String template = narrowest(info);
        String filled = new ArnPattern(template).fill(Partition.of(call.region()), call.region(), call.account());
        notes.add(action + ": the request names no resource of its types; narrowest template " + filled);
        return List.of(filled);
    }

    /** Of the required resource types (all when none is required), the one with the most fixed text. */
    private static String narrowest(ActionInfo info) {
        List<ResourceType> required = info.resourceTypes().stream().filter(ResourceType::required).toList();
        List<ResourceType> from = required.isEmpty() ? info.resourceTypes() : required;
        ResourceType best = from.get(0);
        for (ResourceType t : from) {
            if (new ArnPattern(t.arnTemplate()).fixedLength() > new ArnPattern(best.arnTemplate()).fixedLength()) {
                best = t;
            }
        }
        return best.arnTemplate();
    }

    /** Resources grouped by what comes before their last {@code /} or {@code :}, each group as {@code prefix*}. */
    static Set<String> fold(Set<String> arns) {
        if (arns.size() < 2) {
            return arns;
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String arn : arns) {
            int cut = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
            groups.computeIfAbsent(cut < 0 ? arn : arn.substring(0, cut + 1), k -> new ArrayList<>()).add(arn);
        }
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            out.add(g.getValue().size() == 1 ? g.getValue().get(0) : g.getKey() + "*");
        }
        if (out.size() > 1 && out.size() == arns.size()) {
            // Nothing shared a last segment: fold everything under the longest common prefix instead.
            String common = commonPrefix(arns);
            int cut = Math.max(common.lastIndexOf('/'), common.lastIndexOf(':'));
            if (cut > "arn:aws:".length()) {
                return Set.of(common.substring(0, cut + 1) + "*");
            }
        }
        return out;
    }

    private static String commonPrefix(Set<String> values) {
        String p = null;
        for (String v : values) {
            if (p == null) {
                p = v;
            } else {
                int i = 0;
                while (i < p.length() && i < v.length() && p.charAt(i) == v.charAt(i)) {
                    i++;
                }
                p = p.substring(0, i);
            }
        }
        return p == null ? "" : p;
    }

    private static Set<String> union(Map<String, Set<String>> byAction) {
        Set<String> all = new LinkedHashSet<>();
        byAction.values().forEach(all::addAll);
        return all;
    }

    /** One statement per distinct set of resources, compact, actions and resources in a stable order. */
    private static String write(Map<String, Set<String>> byAction) {
        Map<String, Object> doc = document(byAction);
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An IAM policy document allowing each action on its resources: one statement per distinct resource set. */
    public static Map<String, Object> document(Map<String, ? extends Set<String>> byAction) {
        Map<Set<String>, List<String>> byResources = new LinkedHashMap<>();
        byAction.forEach((action, arns) -> byResources.computeIfAbsent(arns, k -> new ArrayList<>()).add(action));
        List<Map<String, Object>> statements = new ArrayList<>();
        byResources.forEach((arns, actions) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("Effect", "Allow");
            s.put("Action", actions.size() == 1 ? actions.get(0) : actions);
            s.put("Resource", arns.size() == 1 ? arns.iterator().next() : List.copyOf(arns));
            statements.add(s);
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return doc;
    }
}
