package dev.airlock.catalog.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Tells whether SQL (PartiQL for DynamoDB, Athena, the RDS and Redshift data APIs) deletes or drops. A plain
 * scanner, no parser: it reads the first keyword of each statement, skipping comments, and looks further only
 * in statements that can delete in their body (MERGE, ALTER, WITH).
 */
final class SqlStatements {

    private static final Set<String> DESTROYING = Set.of("DELETE", "DROP", "TRUNCATE", "VACUUM");
    private static final Set<String> MAY_DESTROY_INSIDE = Set.of("MERGE", "ALTER", "WITH");

    private SqlStatements() {
    }

    static boolean destroys(String sql) {
        if (sql == null) {
            return false;
        }
        int start = 0;
        while (start < sql.length()) {
            int end = sql.indexOf(';', start);
            if (end < 0) {
                end = sql.length();
            }
            if (statementDestroys(sql, start, end)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean statementDestroys(String sql, int from, int to) {
        int at = skipNoise(sql, from, to);
        String first = wordAt(sql, at, to);
        if (DESTROYING.contains(first)) {
            return true;
        }
        if (!MAY_DESTROY_INSIDE.contains(first)) {
            return false;
        }
        at += first.length();
        while (at < to) {
            at = skipNoise(sql, at, to);
            String word = wordAt(sql, at, to);
            if (word.equals("DELETE") || word.equals("DROP")) {
                return true;
            }
            at += Math.max(1, word.length());
        }
        return false;
    }

    /** Skips whitespace, parentheses and comments. */
    private static int skipNoise(String sql, int at, int to) {
        while (at < to) {
            char c = sql.charAt(at);
            if (Character.isWhitespace(c) || c == '(') {
                at++;
            } else if (c == '-' && at + 1 < to && sql.charAt(at + 1) == '-') {
                int eol = sql.indexOf('\n', at);
                at = eol < 0 || eol > to ? to : eol + 1;
            } else if (c == '/' && at + 1 < to && sql.charAt(at + 1) == '*') {
                int close = sql.indexOf("*/", at + 2);
                at = close < 0 || close > to ? to : close + 2;
            } else {
                return at;
            }
        }
        return at;
    }

    private static String wordAt(String sql, int at, int to) {
        int end = at;
        while (end < to && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        return sql.substring(at, end).toUpperCase(Locale.ROOT);
    }
}
