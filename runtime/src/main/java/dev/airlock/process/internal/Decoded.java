package dev.airlock.process.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * What {@code base64 -d} and {@code xxd -r -p} write when what they read is known: an agent that hides a command
 * in an encoding ({@code echo YXdz... | base64 -d | sh}) is read as if it had written the command.
 */
final class Decoded {

    private Decoded() {
    }

    static Input base64(List<Word> args, Input in) {
        boolean decode = false;
        for (Word w : args) {
            String a = w.text();
            if (a.equals("-d") || a.equals("--decode") || a.equals("-D") || a.matches("-[di]+")) {
                decode = true;
            } else if (!a.startsWith("-")) {
                return Input.UNKNOWN;
            }
        }
        if (!decode || !in.known()) {
            return Input.UNKNOWN;
        }
        try {
            byte[] bytes = java.util.Base64.getMimeDecoder().decode(in.text().strip());
            return Input.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Input.UNKNOWN;
        }
    }

    static Input hex(List<Word> args, Input in) {
        boolean reverse = false;
        boolean plain = false;
        for (Word w : args) {
            String a = w.text();
            if (a.equals("-r") || a.equals("-revert")) {
                reverse = true;
            } else if (a.equals("-p") || a.equals("-ps") || a.equals("-plain")) {
                plain = true;
            } else if (a.equals("-rp") || a.equals("-pr")) {
                reverse = true;
                plain = true;
            } else {
                return Input.UNKNOWN;
            }
        }
        if (!reverse || !plain || !in.known()) {
            return Input.UNKNOWN;
        }
        try {
            byte[] bytes = HexFormat.of().parseHex(in.text().replaceAll("\\s", ""));
            return Input.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Input.UNKNOWN;
        }
    }
}
