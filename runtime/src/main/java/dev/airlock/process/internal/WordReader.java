package dev.airlock.process.internal;

import java.util.List;

/**
 * Reads one shell word: POSIX quoting ({@code '...'}, {@code "..."}, backslash), ANSI-C quoting ({@code $'...'}),
 * parameter expansion against the variables known so far, and command substitution, whose commands are parsed
 * and recorded because they run too.
 */
final class WordReader {

    private final Cursor in;
    private final ShellState state;

    WordReader(Cursor in, ShellState state) {
        this.in = in;
        this.state = state;
    }

    static boolean endsWord(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '('
                || c == ')' || c == '<' || c == '>';
    }

    /** Reads the word at the cursor into its fields; {@code noSplit} for words the shell never splits. */
    WordBuilder read(boolean noSplit) {
        WordBuilder word = new WordBuilder(noSplit);
        while (in.more()) {
            char c = in.peek();
            if (endsWord(c)) {
                break;
            }
            switch (c) {
                case '\\' -> {
                    char n = in.at(1);
                    if (n == '\n') {
                        in.pos += 2;
                    } else if (n == 0) {
                        word.literal('\\', false);
                        in.pos++;
                    } else {
                        word.literal(String.valueOf(n), true);
                        in.pos += 2;
                    }
                }
                case '\'' -> {
                    int close = in.text.indexOf('\'', in.pos + 1);
                    int end = close < 0 ? in.text.length() : close;
                    word.literal(in.text.substring(in.pos + 1, end), true);
                    in.pos = close < 0 ? end : close + 1;
                }
                case '"' -> {
                    in.pos++;
                    readQuoted(word, false);
                }
                case '$' -> dollar(word, false);
                case '`' -> backtick(word, false);
                default -> {
                    word.literal(c, false);
                    in.pos++;
                }
            }
        }
        return word;
    }

    /**
     * The inside of {@code "..."} (the cursor after the opening quote), or the body of an unquoted here-document
     * ({@code heredoc}: the quote is an ordinary character and the text runs to the end).
     */
    void readQuoted(WordBuilder word, boolean heredoc) {
        word.quotedEmpty();
        while (in.more()) {
            char c = in.peek();
            if (c == '"' && !heredoc) {
                in.pos++;
                return;
            }
            if (c == '\\') {
                char n = in.at(1);
                if (n == '$' || n == '`' || n == '\\' || (n == '"' && !heredoc)) {
                    word.literal(n, true);
                    in.pos += 2;
                } else if (n == '\n') {
                    in.pos += 2;
                } else {
                    word.literal('\\', true);
                    in.pos++;
                }
            } else if (c == '$') {
                dollar(word, true);
            } else if (c == '`') {
                backtick(word, true);
            } else {
                word.literal(c, true);
                in.pos++;
            }
        }
    }

    private void dollar(WordBuilder word, boolean quoted) {
        int start = in.pos;
        char n = in.at(1);
        if (n == '(') {
            if (in.at(2) == '(') {
                in.pos = matchingClose(start + 1, '(', ')');
                word.expansion(null, in.text.substring(start, in.pos), quoted);
                return;
            }
            in.pos += 2;
            String value = ShellParser.substitution(in, state, true);
            word.expansion(value, in.text.substring(start, in.pos), quoted);
        } else if (n == '{') {
            int end = matchingClose(start + 1, '{', '}');
            String content = in.text.substring(start + 2, Math.max(start + 2, end - 1));
            in.pos = end;
            braced(word, content, in.text.substring(start, end), quoted);
        } else if (n == '\'' && !quoted) {
            in.pos += 2;
            word.literal(ansiC(), true);
        } else if (n == '"' && !quoted) {
            in.pos += 2;
            readQuoted(word, false);
        } else if (isNameStart(n)) {
            int end = start + 1;
            while (end < in.text.length() && isNamePart(in.text.charAt(end))) {
                end++;
            }
            in.pos = end;
            String name = in.text.substring(start + 1, end);
            word.expansion(state.vars.expand(name), in.text.substring(start, end), quoted);
        } else if (n >= '0' && n <= '9') {
            in.pos += 2;
            word.expansion(state.positional(n - '0'), in.text.substring(start, in.pos), quoted);
        } else if (n == '@' || n == '*') {
            in.pos += 2;
            allPositional(word, n, in.text.substring(start, in.pos), quoted);
        } else if (n == '#') {
            in.pos += 2;
            List<String> p = state.positional;
            word.expansion(p == null ? null : String.valueOf(Math.max(0, p.size() - 1)), "$#", quoted);
        } else if (n == '?' || n == '$' || n == '!' || n == '-') {
            in.pos += 2;
            word.expansion(null, in.text.substring(start, in.pos), quoted);
        } else {
            word.literal('$', quoted);
            in.pos++;
        }
    }

    private void allPositional(WordBuilder word, char which, String raw, boolean quoted) {
        List<String> p = state.positional;
        if (p == null) {
            word.expansion(null, raw, quoted);
            return;
        }
        List<String> args = p.size() > 1 ? p.subList(1, p.size()) : List.of();
        if (which == '@' || !quoted) {
            word.fields(args, quoted);
        } else {
            word.expansion(String.join(" ", args), raw, true);
        }
    }

    /** {@code ${NAME}}, {@code ${NAME:-default}} and kin; anything cleverer is unknown until the script runs. */
    private void braced(WordBuilder word, String content, String raw, boolean quoted) {
        int nameEnd = 0;
        while (nameEnd < content.length() && isNamePart(content.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = content.substring(0, nameEnd);
        String rest = content.substring(nameEnd);
        if (name.isEmpty()) {
            if (content.equals("@") || content.equals("*")) {
                allPositional(word, content.charAt(0), raw, quoted);
            } else {
                word.expansion(null, raw, quoted);
            }
            return;
        }
        boolean positional = Character.isDigit(name.charAt(0));
        if (positional && !name.chars().allMatch(Character::isDigit)) {
            word.expansion(null, raw, quoted);
            return;
        }
        String value = positional ? state.positional(Integer.parseInt(name)) : state.vars.expand(name);
        boolean unknown = value == null;
        boolean set = positional ? state.positional != null && Integer.parseInt(name) < state.positional.size()
                : state.vars.isSet(name);
        if (rest.isEmpty()) {
            word.expansion(value, raw, quoted);
            return;
        }
        boolean colon = rest.startsWith(":");
        String op = colon ? rest.substring(1) : rest;
        if (op.isEmpty() || "-=+?".indexOf(op.charAt(0)) < 0 || unknown) {
            word.expansion(null, raw, quoted);
            return;
        }
        String alternative = plainText(op.substring(1));
        boolean present = colon ? !value.isEmpty() : set;
        String result = switch (op.charAt(0)) {
            case '-', '=', '?' -> present ? value : alternative;
            default -> present ? alternative : "";
        };
        if (op.charAt(0) == '=' && !present && alternative != null && !positional) {
            state.vars.assign(name, alternative, false);
        }
        word.expansion(result, raw, quoted);
    }

    /** The text of an expansion's default word, or null when it holds expansions or quotes of its own. */
    private static String plainText(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("$`'\"\\".indexOf(s.charAt(i)) >= 0) {
                return null;
            }
        }
        return s;
    }

    private void backtick(WordBuilder word, boolean quoted) {
        int start = in.pos;
        StringBuilder inner = new StringBuilder();
        int i = start + 1;
        while (i < in.text.length() && in.text.charAt(i) != '`') {
            char c = in.text.charAt(i);
            if (c == '\\' && i + 1 < in.text.length() && "$`\\".indexOf(in.text.charAt(i + 1)) >= 0) {
                inner.append(in.text.charAt(i + 1));
                i += 2;
            } else {
                inner.append(c);
                i++;
            }
        }
        in.pos = Math.min(i + 1, in.text.length());
        String value = ShellParser.substitution(new Cursor(inner.toString()), state, false);
        word.expansion(value, in.text.substring(start, in.pos), quoted);
    }

    /** The text of {@code $'...'} with its escapes, the cursor after {@code $'}. */
    private String ansiC() {
        StringBuilder out = new StringBuilder();
        while (in.more()) {
            char c = in.peek();
            if (c == '\'') {
                in.pos++;
                break;
            }
            if (c == '\\' && in.at(1) != 0) {
                char n = in.at(1);
                in.pos += 2;
                switch (n) {
                    case 'x' -> out.append((char) hex(2));
                    case 'u' -> out.append((char) hex(4));
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                        int v = n - '0';
                        for (int k = 0; k < 2 && in.more() && in.peek() >= '0' && in.peek() <= '7'; k++) {
                            v = v * 8 + (in.peek() - '0');
                            in.pos++;
                        }
                        out.append((char) v);
                    }
                    default -> out.append(Printf.unescape("\\" + n));
                }
            } else {
                out.append(c);
                in.pos++;
            }
        }
        return out.toString();
    }

    private int hex(int maxDigits) {
        int v = 0;
        for (int k = 0; k < maxDigits && in.more() && Character.digit(in.peek(), 16) >= 0; k++) {
            v = v * 16 + Character.digit(in.peek(), 16);
            in.pos++;
        }
        return v;
    }

    /** The index after the bracket that closes the one at {@code open}, skipping quoted text; the end if none. */
    private int matchingClose(int open, char opening, char closing) {
        int depth = 0;
        int i = open;
        while (i < in.text.length()) {
            char c = in.text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'' && opening != '{') {
                int close = in.text.indexOf('\'', i + 1);
                i = close < 0 ? in.text.length() : close + 1;
                continue;
            }
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return in.text.length();
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
