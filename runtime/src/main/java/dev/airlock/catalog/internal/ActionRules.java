package dev.airlock.catalog.internal;

import dev.airlock.call.Classification;
import java.util.Locale;
import java.util.Set;

/**
 * The generic classification rules, written down in {@code runtime/CLASSIFICATION.md}. The service reference
 * gives each IAM action an access level; these rules turn it into READ, WRITE or DESTRUCTIVE, looking at the
 * action's name where the access level alone is too coarse. Reviewed per-service exceptions come first
 * ({@link ReviewedActions}).
 */
final class ActionRules {

    /** Verbs that destroy something or take a safeguard or an access away. */
    private static final Set<String> DESTROYING_VERBS = Set.of("delete", "terminate", "remove", "purge", "destroy",
            "deregister", "unregister", "disable", "revoke", "deactivate", "drop", "wipe", "erase", "truncate",
            "deprovision", "decommission", "dispose", "discard");

    /** Verbs that give someone access: they change who may do what. */
    private static final Set<String> ACCESS_VERBS = Set.of("authorize", "grant", "share", "unshare", "deauthorize",
            "unauthorize");

    /** Verbs that change state in the ordinary way: create, update, tag, send... */
    private static final Set<String> WRITING_VERBS = Set.of("create", "put", "update", "set", "add", "tag",
            "untag", "modify", "change", "send", "publish", "start", "enable", "associate", "attach", "import",
            "export", "copy", "upload", "register", "invoke", "run", "execute", "submit", "apply", "write", "restore",
            "reset", "rotate", "renew", "request", "accept", "reject", "cancel", "confirm", "complete", "initiate",
            "activate", "assign", "unassign", "allocate", "release", "provision", "deploy", "build", "generate",
            "encrypt", "decrypt", "sign", "verify", "receive", "subscribe", "unsubscribe", "notify", "retry",
            "resume", "replace", "move", "merge", "rename", "batch", "post", "upgrade", "schedule");

    /** Verbs of unknown operations that only read. */
    private static final Set<String> READING_VERBS = Set.of("get", "list", "describe", "head", "query", "scan",
            "search", "lookup", "select", "read", "view");

    /** Verbs that only read even when the service reference files the action under Permissions management. */
    private static final Set<String> PERMISSION_READING_VERBS = Set.of("get", "list", "describe", "search");

    /** Verbs that weaken whatever safeguard the rest of the name names (StopLogging, DisassociateKmsKey). */
    private static final Set<String> WEAKENING_VERBS = Set.of("stop", "suspend", "disassociate", "dissociate",
            "detach", "pause", "unset", "unlink");

    private static final String[] SAFEGUARDS = {"Logging", "Trail", "Recorder", "Recording", "Monitoring",
        "Encryption", "Kms", "KMS", "Protection", "WebACL", "WebAcl", "Firewall", "Backup", "Audit", "Mfa", "MFA",
        "Versioning", "Detector", "Retention", "Guard"};

    /** Verbs that set a retention or expiry, which can shorten it. */
    private static final Set<String> RETENTION_SETTERS = Set.of("put", "set", "update", "modify", "decrease",
            "change");

    /** Words naming access itself. */
    private static final String[] ACCESS_WORDS = {"Permission", "Grant", "Trust", "Authorization", "Authorizer",
        "Share"};

    /** The word before "Policy" that makes it a policy about who may do what (or about a safeguard). */
    private static final Set<String> POLICY_OWNERS = Set.of("Resource", "Access", "Bucket", "Key", "Queue", "Topic",
            "Repository", "Registry", "Role", "Trust", "Destination", "Sink", "Mesh", "Cluster", "Channel",
            "Endpoint", "Project", "Group", "Permissions", "Sharing", "Firewall", "Backup", "Security", "Protection",
            "Vault", "IAM");

    private ActionRules() {
    }

    /**
     * The classification of one IAM action.
     *
     * @param level the access level code of the generated data: R, L, W, T or P
     */
    static Classification classify(String prefix, String name, char level) {
        Classification reviewed = ReviewedActions.lookup(prefix, name);
        if (reviewed != null) {
            return reviewed;
        }
        return switch (level) {
            case 'R', 'L' -> Classification.READ;
            case 'T' -> Classification.WRITE;
            // A few services file plain reads under Permissions management (glue:GetStage): the verb wins there.
            case 'P' -> PERMISSION_READING_VERBS.contains(verb(name)) ? Classification.READ : Classification.DESTRUCTIVE;
            default -> fromName(name);
        };
    }

    /** An operation the catalog does not know, classified from its name alone. */
    static Classification unknownOperation(String name) {
        if (READING_VERBS.contains(verb(name))) {
            return Classification.READ;
        }
        return fromName(name);
    }

    /** True when the operation's verb is one the rules know, whatever it does. */
    static boolean knowsVerb(String name) {
        String verb = verb(name);
        return READING_VERBS.contains(verb) || WRITING_VERBS.contains(verb) || DESTROYING_VERBS.contains(verb)
                || ACCESS_VERBS.contains(verb) || WEAKENING_VERBS.contains(verb)
                || PERMISSION_READING_VERBS.contains(verb);
    }

    /** The name rules for an action that changes state: DESTRUCTIVE when the name says so, else WRITE. */
    static Classification fromName(String name) {
        return destroys(name) ? Classification.DESTRUCTIVE : Classification.WRITE;
    }

    private static boolean destroys(String name) {
        String verb = verb(name);
        if (DESTROYING_VERBS.contains(verb) || ACCESS_VERBS.contains(verb) || name.endsWith("Delete")
                || name.contains("Overwrite")) {
            return true;
        }
        for (String word : ACCESS_WORDS) {
            if (containsWord(name, word)) {
                return true;
            }
        }
        if (WEAKENING_VERBS.contains(verb) && containsAny(name, SAFEGUARDS)) {
            return true;
        }
        if (RETENTION_SETTERS.contains(verb) && setsRetention(name)) {
            return true;
        }
        return isAccessPolicy(name);
    }

    private static boolean setsRetention(String name) {
        return name.contains("Retention") || name.contains("Expiration") || name.contains("LifecyclePolicy")
                || name.contains("LifecycleConfiguration") || name.endsWith("Lifecycle");
    }

    private static boolean isAccessPolicy(String name) {
        int at = name.indexOf("Policy");
        while (at > 0) {
            if (POLICY_OWNERS.contains(wordBefore(name, at))) {
                return true;
            }
            at = name.indexOf("Policy", at + 6);
        }
        return false;
    }

    /** The leading verb, lower case, with a leading "Batch" skipped: BatchDeleteImage → delete, DELETE → delete. */
    static String verb(String name) {
        int start = name.startsWith("Batch") && name.length() > 5 && Character.isUpperCase(name.charAt(5)) ? 5 : 0;
        if (start >= name.length()) {
            return "";
        }
        int end = start + 1;
        while (end < name.length() && Character.isLowerCase(name.charAt(end))) {
            end++;
        }
        if (end == start + 1) {
            while (end < name.length() && Character.isUpperCase(name.charAt(end))) {
                end++;
            }
        }
        return name.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** The CamelCase word (or acronym) that ends just before {@code at}. */
    private static String wordBefore(String name, int at) {
        int start = at - 1;
        if (Character.isUpperCase(name.charAt(start)) || Character.isDigit(name.charAt(start))) {
            while (start > 0 && (Character.isUpperCase(name.charAt(start - 1)) || Character.isDigit(name.charAt(start - 1)))) {
                start--;
            }
        } else {
            while (start > 0 && !Character.isUpperCase(name.charAt(start))) {
                start--;
            }
        }
        return name.substring(start, at);
    }

    /** The word, or its plural, as a whole CamelCase word: "Grant" is in CreateGrant, not in Granted. */
    static boolean containsWord(String name, String word) {
        int at = name.indexOf(word);
        while (at >= 0) {
            int end = at + word.length();
            if (end < name.length() && name.charAt(end) == 's') {
                end++;
            }
            if (end == name.length() || !Character.isLowerCase(name.charAt(end))) {
                return true;
            }
            at = name.indexOf(word, at + 1);
        }
        return false;
    }

    private static boolean containsAny(String name, String[] words) {
        for (String word : words) {
            if (name.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
