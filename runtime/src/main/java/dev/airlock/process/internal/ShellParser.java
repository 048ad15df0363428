package dev.airlock.process.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a POSIX shell script (what {@code sh -c} receives) into the simple commands it could run. Operators
 * ({@code && || ; | &}, newlines, subshells) only separate commands here: whichever branch runs, Airlock must
 * allow it, so every command counts. Never throws and never loops: malformed text (an unclosed quote) is read
 * the lenient way, as far as it goes.
 */
public final class ShellParser {

    /** Words that open or close compound commands; the command proper follows them. */
    private static final Set<String> KEYWORDS = Set.of(
            "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "time", "esac");

    private final Cursor in;
    private final ShellState state;
    private final WordReader words;
    private final List<ShellCommand> produced = new ArrayList<>();
    private final List<Heredoc> pendingHeredocs = new ArrayList<>();

    private record Heredoc(Building owner, String delimiter, boolean expand, boolean stripTabs) {
    }

    /** A simple command while its words are being read. */
    private static final class Building {
        final List<Word> words = new ArrayList<>();
        final List<String[]> assignments = new ArrayList<>();
        final List<Boolean> assignmentKnown = new ArrayList<>();
        final ShellCommand pipedFrom;
        final boolean piped;
        Input redirected;
        ShellCommand result;

        Building(ShellCommand pipedFrom, boolean piped) {
            this.pipedFrom = pipedFrom;
            this.piped = piped;
        }
    }

    private ShellParser(Cursor in, ShellState state) {
        this.in = in;
        this.state = state;
        this.words = new WordReader(in, state);
    }

    /**
     * Parses a whole script.
     *
     * @param env the environment the shell starts with
     * @param positional {@code $0}, {@code $1}...; null when unknown
     * @param directory where it starts; null when unknown
     * @param stdin what the shell itself reads on standard input
     */
    public static ParsedScript parse(String script, Env env, List<String> positional, Path directory, Input stdin,
                                     int depth) {
        ParsedScript found = new ParsedScript();
        ShellState state = new ShellState(ShellVariables.startingWith(env), positional, directory, stdin, found,
                depth);
        if (depth > ShellState.MAX_DEPTH) {
            found.incomplete("scripts nest deeper than " + ShellState.MAX_DEPTH + " levels");
            return found;
        }
        new ShellParser(new Cursor(script), state).parseList(false);
        return found;
    }

    /**
     * Parses a command substitution: {@code $(...)} from the cursor to its closing parenthesis, or the whole
     * text of a backquoted one. Its commands join the script's.
     *
     * @return the substitution's output when it is plain from its words, else null
     */
    static String substitution(Cursor in, ShellState outer, boolean closedByParen) {
        ShellState inner = outer.subshell();
        if (inner.depth > ShellState.MAX_DEPTH) {
            outer.found.incomplete("command substitutions nest deeper than " + ShellState.MAX_DEPTH + " levels");
            in.pos = in.text.length();
            return null;
        }
        ShellParser parser = new ShellParser(in, inner);
        parser.parseList(closedByParen);
        if (parser.produced.isEmpty()
                || parser.produced.get(parser.produced.size() - 1).pipelineLength() != parser.produced.size()) {
            return null;
        }
        String out = parser.produced.get(parser.produced.size() - 1).output().text();
        if (out == null) {
            return null;
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.substring(0, end);
    }

    private void parseList(boolean closedByParen) {
        Building cmd = new Building(null, false);
        while (in.more()) {
            char c = in.peek();
            if (c == ' ' || c == '\t' || c == '\r') {
                in.pos++;
            } else if (c == '\\' && in.at(1) == '\n') {
                in.pos += 2;
            } else if (c == '#') {
                while (in.more() && in.peek() != '\n') {
                    in.pos++;
                }
            } else if (c == '\n') {
                in.pos++;
                finish(cmd);
                cmd = new Building(null, false);
                readHeredocBodies();
            } else if (c == ')') {
                in.pos++;
                finish(cmd);
                if (closedByParen) {
                    return;
                }
                cmd = new Building(null, false);
            } else if (c == '(' || c == ';') {
                in.pos++;
                finish(cmd);
                cmd = new Building(null, false);
            } else if (c == '&' && in.at(1) != '>') {
                in.pos += in.at(1) == '&' ? 2 : 1;
                finish(cmd);
                cmd = new Building(null, false);
            } else if (c == '|') {
                if (in.at(1) == '|') {
                    in.pos += 2;
                    finish(cmd);
                    cmd = new Building(null, false);
                } else {
                    in.pos += in.at(1) == '&' ? 2 : 1;
                    ShellCommand left = finish(cmd);
                    cmd = new Building(left, true);
                }
            } else if ((c == '<' || c == '>') && in.at(1) == '(') {
                // Process substitution: its commands run too; the program gets a pipe's path it reads or writes.
                int start = in.pos;
                in.pos += 2;
                substitution(in, state, true);
                cmd.words.add(new Word(in.text.substring(start, Math.min(in.pos, in.text.length())), true));
            } else if (isRedirection()) {
                redirection(cmd);
            } else {
                word(cmd);
            }
        }
        finish(cmd);
        readHeredocBodies();
    }

    private void word(Building cmd) {
        boolean assignmentPosition = cmd.words.isEmpty();
        WordBuilder w = words.read(false);
        List<Word> fields = w.finish();
        String name = w.assignmentName();
        if (assignmentPosition && name != null && fields.size() == 1) {
            Word f = fields.get(0);
            cmd.assignments.add(new String[] {name, f.text().substring(name.length() + 1)});
            cmd.assignmentKnown.add(!f.dynamic());
            return;
        }
        cmd.words.addAll(fields);
    }

    /** At a redirection: {@code >}, {@code 2>&1}, {@code &>}, {@code <<EOF}, {@code <<<}... */
    private boolean isRedirection() {
        int i = in.pos;
        while (i < in.text.length() && Character.isDigit(in.text.charAt(i))) {
            i++;
        }
        if (i >= in.text.length()) {
            return false;
        }
        char c = in.text.charAt(i);
        if (i > in.pos) {
            return c == '<' || c == '>';
        }
        return c == '<' || c == '>' || (c == '&' && in.at(1) == '>');
    }

    private void redirection(Building cmd) {
        while (Character.isDigit(in.peek())) {
            in.pos++;
        }
        String op;
        if (in.startsWith("<<<")) {
            op = "<<<";
        } else if (in.startsWith("<<-")) {
            op = "<<-";
        } else if (in.startsWith("<<")) {
            op = "<<";
        } else if (in.startsWith("&>>")) {
            op = "&>>";
        } else if (in.startsWith("&>") || in.startsWith(">>") || in.startsWith(">&") || in.startsWith("<&")
                || in.startsWith(">|") || in.startsWith("<>")) {
            op = in.text.substring(in.pos, in.pos + 2);
        } else {
            op = in.text.substring(in.pos, in.pos + 1);
        }
        in.pos += op.length();
        while (in.more() && (in.peek() == ' ' || in.peek() == '\t')) {
            in.pos++;
        }
        if (op.startsWith("<<") && !op.equals("<<<")) {
            int start = in.pos;
            skipRawWord();
            String raw = in.text.substring(start, in.pos);
            boolean quoted = raw.indexOf('\'') >= 0 || raw.indexOf('"') >= 0 || raw.indexOf('\\') >= 0;
            String delimiter = raw.replace("'", "").replace("\"", "").replace("\\", "");
            pendingHeredocs.add(new Heredoc(cmd, delimiter, !quoted, op.equals("<<-")));
            return;
        }
        List<Word> target = words.read(true).finish();
        if (op.equals("<<<")) {
            boolean known = target.size() == 1 && !target.get(0).dynamic();
            cmd.redirected = known ? Input.of(target.get(0).text() + "\n") : Input.UNKNOWN;
        } else if (op.equals("<")) {
            cmd.redirected = Input.UNKNOWN;
        }
    }

    private void skipRawWord() {
        while (in.more() && !WordReader.endsWord(in.peek())) {
            char c = in.peek();
            if (c == '\'' || c == '"') {
                int close = in.text.indexOf(c, in.pos + 1);
                in.pos = close < 0 ? in.text.length() : close + 1;
            } else {
                in.pos += c == '\\' && in.at(1) != 0 ? 2 : 1;
            }
        }
    }

    private void readHeredocBodies() {
        for (Heredoc h : pendingHeredocs) {
            StringBuilder body = new StringBuilder();
            while (in.more()) {
                int eol = in.text.indexOf('\n', in.pos);
                int end = eol < 0 ? in.text.length() : eol;
                String line = in.text.substring(in.pos, end);
                in.pos = eol < 0 ? end : eol + 1;
                String compared = h.stripTabs() ? line.replaceFirst("^\t+", "") : line;
                if (compared.equals(h.delimiter())) {
                    break;
                }
                body.append(h.stripTabs() ? compared : line).append('\n');
            }
            Input input = Input.of(h.expand() ? expandHeredoc(body.toString()) : body.toString());
            h.owner().redirected = input;
            if (h.owner().result != null) {
                h.owner().result.redirectInput(input);
            }
        }
        pendingHeredocs.clear();
    }

    /** An unquoted here-document's body: expansions and substitutions apply, quotes are plain characters. */
    private String expandHeredoc(String body) {
        Cursor c = new Cursor(body);
        WordBuilder w = new WordBuilder(true);
        new WordReader(c, state).readQuoted(w, true);
        List<Word> out = w.finish();
        if (out.isEmpty()) {
            return "";
        }
        return out.get(0).dynamic() ? null : out.get(0).text();
    }

    /** Ends a simple command: applies what it does to the script's own state, records it if it runs a program. */
    private ShellCommand finish(Building b) {
        List<Word> w = new ArrayList<>(b.words);
        while (!w.isEmpty() && !w.get(0).dynamic() && KEYWORDS.contains(w.get(0).text())) {
            w.remove(0);
        }
        if (w.isEmpty()) {
            for (int i = 0; i < b.assignments.size(); i++) {
                String[] a = b.assignments.get(i);
                state.vars.assign(a[0], b.assignmentKnown.get(i) ? a[1] : null, false);
            }
            return null;
        }
        Word first = w.get(0);
        if (!first.dynamic() && builtin(first.text(), w.subList(1, w.size()))) {
            return null;
        }
        Env env = state.vars.exportedEnv();
        for (int i = 0; i < b.assignments.size(); i++) {
            String[] a = b.assignments.get(i);
            env = env.with(a[0], b.assignmentKnown.get(i) ? a[1] : null);
        }
        ShellCommand command = new ShellCommand(w, env, state.directory, b.pipedFrom, b.piped, state.inherited);
        if (b.redirected != null) {
            command.redirectInput(b.redirected);
        }
        b.result = command;
        produced.add(command);
        state.found.add(command);
        if (!first.dynamic() && first.text().equals("read")) {
            for (Word arg : w.subList(1, w.size())) {
                if (!arg.text().startsWith("-")) {
                    state.vars.assign(arg.text(), null, false);
                }
            }
        }
        return command;
    }

    /**
     * Builtins that change the script's state and run nothing: {@code cd}, {@code export}, {@code unset},
     * {@code for} and {@code case} headers.
     *
     * @return true when the command is wholly such a builtin
     */
    private boolean builtin(String name, List<Word> args) {
        switch (name) {
            case "for", "select" -> {
                if (!args.isEmpty()) {
                    state.vars.assign(args.get(0).text(), null, false);
                }
                return true;
            }
            case "case", "function" -> {
                return true;
            }
            case "cd", "pushd" -> {
                state.directory = changeDirectory(args);
                return true;
            }
            case "popd" -> {
                state.directory = null;
                return true;
            }
            case "export", "readonly", "declare", "typeset", "local" -> {
                boolean export = name.equals("export")
                        || args.stream().anyMatch(a -> a.text().matches("-[a-zA-Z]*x[a-zA-Z]*"));
                for (Word a : args) {
                    String t = a.text();
                    int eq = t.indexOf('=');
                    if (t.startsWith("-")) {
                        continue;
                    }
                    if (eq > 0) {
                        state.vars.assign(t.substring(0, eq), a.dynamic() ? null : t.substring(eq + 1), export);
                    } else if (export) {
                        state.vars.export(t);
                    }
                }
                return true;
            }
            case "set" -> {
                setPositional(args);
                return true;
            }
            case "shift" -> {
                String count = args.isEmpty() ? "1" : args.get(0).text();
                int n = count.matches("\\d{1,4}") ? Integer.parseInt(count) : -1;
                List<String> p = state.positional;
                if (p != null) {
                    state.positional = n < 0 ? null : shifted(p, n);
                }
                return true;
            }
            case "unset" -> {
                for (Word a : args) {
                    if (!a.text().startsWith("-")) {
                        state.vars.unset(a.text());
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** {@code set -- a b} and {@code set a b} replace {@code $1...}; {@code set -e} alone changes no parameter. */
    private void setPositional(List<Word> args) {
        int from;
        if (!args.isEmpty() && args.get(0).text().equals("--") && !args.get(0).dynamic()) {
            from = 1;
        } else if (!args.isEmpty() && !args.get(0).dynamic() && !args.get(0).text().startsWith("-")
                && !args.get(0).text().startsWith("+")) {
            from = 0;
        } else {
            return;
        }
        List<String> p = new ArrayList<>();
        p.add(state.positional == null || state.positional.isEmpty() ? "sh" : state.positional.get(0));
        for (Word w : args.subList(from, args.size())) {
            if (w.dynamic()) {
                state.positional = null;
                return;
            }
            p.add(w.text());
        }
        state.positional = p;
    }

    private static List<String> shifted(List<String> p, int n) {
        List<String> out = new ArrayList<>();
        out.add(p.isEmpty() ? "sh" : p.get(0));
        for (int i = 1 + n; i < p.size(); i++) {
            out.add(p.get(i));
        }
        return out;
    }

    private Path changeDirectory(List<Word> args) {
        List<Word> operands = args.stream()
                .filter(a -> !a.text().startsWith("-") || a.text().equals("-") || a.dynamic()).toList();
        String target;
        if (operands.isEmpty()) {
            target = state.vars.expand("HOME");
            if (target == null || target.isEmpty()) {
                return null;
            }
        } else if (operands.get(0).dynamic() || operands.get(0).text().equals("-")) {
            return null;
        } else {
            target = operands.get(0).text();
        }
        try {
            Path p = Path.of(target);
            if (p.isAbsolute()) {
                return p.normalize();
            }
            return state.directory == null ? null : state.directory.resolve(p).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
