package dev.airlock.catalog.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Reads just enough of SQL (PartiQL for DynamoDB, Athena, the RDS and Redshift data APIs) to tell whether it
 * deletes or drops, and which DynamoDB table it works on. A plain scanner, no parser: it reads the first keyword
 * of each statement, skipping comments, and looks further only in statements that can delete in their body
 * (MERGE, ALTER, WITH).
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

    /**
     * The table a DynamoDB PartiQL statement works on: the name after FROM, INTO or UPDATE, quoted or bare, without
     * an index ({@code "orders"."byCustomer"} → orders). Null when the statement names none.
     */
    static String partiQlTable(String statement) {
        if (statement == null) {
            return null;
        }
        int to = statement.length();
        int at = skipNoise(statement, 0, to);
        boolean tableNext = wordAt(statement, at, to).equals("UPDATE");
        if (tableNext) {
            at += "UPDATE".length();
        }
        while (at < to) {
            at = skipNoise(statement, at, to);
            if (at >= to) {
                return null;
            }
            char c = statement.charAt(at);
            if (tableNext) {
                return tableAt(statement, at, to);
            }
            if (c == '\'' || c == '"') {
                int close = statement.indexOf(c, at + 1);
                at = close < 0 ? to : close + 1;
                continue;
            }
            String word = wordAt(statement, at, to);
            tableNext = word.equals("FROM") || word.equals("INTO");
            at += Math.max(1, word.length());
        }
        return null;
    }

    private static String tableAt(String statement, int at, int to) {
        if (statement.charAt(at) == '"') {
            int close = statement.indexOf('"', at + 1);
            return close < 0 ? null : statement.substring(at + 1, close);
        }
        int end = at;
        while (end < to && (Character.isLetterOrDigit(statement.charAt(end)) || statement.charAt(end) == '_'
                || statement.charAt(end) == '-')) {
            end++;
        }
        return end == at ? null : statement.substring(at, end);
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
