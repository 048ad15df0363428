package dev.airlock.it.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Stand-ins for the tools an agent destroys with: each reports the request it would send to the recording
 * endpoint ({@code TOOL ARGS cwd=DIR}) and does nothing else. The aws stand-in has the shape of the CLI v1
 * entry point (a Python script that imports {@code awscli.clidriver}); terraform asks for "yes" on its standard
 * input as the real one does.
 */
final class StandInTools {

    static final List<String> SCRIPTED = List.of("terraform", "serverless", "cdktf", "aws-nuke", "s5cmd",
            "copilot", "sst", "cdk", "sam", "kubectl");

    private StandInTools() {
    }

    /** Writes the stand-ins into {@code bin}; the aws one needs {@code python}, an interpreter's real path. */
    static void install(Path bin, int port, String python) throws IOException {
        Files.createDirectories(bin);
        String report = "exec 3<>/dev/tcp/127.0.0.1/" + port + " || exit 99\n"
                + "printf '%s\\n' \"$(basename \"$0\") $* cwd=$PWD\" >&3\n"
                + "read -r -t 10 ack <&3\n";
        for (String tool : SCRIPTED) {
            String body = "#!/bin/bash\n";
            if (tool.equals("terraform")) {
                body += "if [ \"$1\" = apply ] && [[ \" $* \" != *' -auto-approve '* ]]; then\n"
                        + "  printf 'Do you want to perform these actions?\\n  Enter a value: '\n"
                        + "  read -r answer || answer=\n"
                        + "  [ \"$answer\" = yes ] || { echo 'Apply cancelled.'; exit 1; }\n"
                        + "fi\n";
            }
            executable(bin.resolve(tool), body + report);
        }
        Path lib = Files.createDirectories(bin.resolve("lib/awscli"));
        Files.writeString(lib.resolve("__init__.py"), "");
        Files.writeString(lib.resolve("clidriver.py"), "import os, socket, sys\n\n\ndef main():\n"
                + "    s = socket.create_connection(('127.0.0.1', " + port + "), timeout=10)\n"
                + "    s.sendall(('aws ' + ' '.join(sys.argv[1:]) + ' cwd=' + os.getcwd() + '\\n').encode())\n"
                + "    s.recv(16)\n    s.close()\n    return 0\n");
        executable(bin.resolve("aws"), "#!" + python + "\n# A stand-in with the shape of the aws CLI v1 entry point.\n"
                + "import sys\nsys.path.insert(0, '" + bin.resolve("lib") + "')\nimport awscli.clidriver\n\n\n"
                + "def main():\n    return awscli.clidriver.main()\n\n\nif __name__ == '__main__':\n"
                + "    sys.exit(main())\n");
    }

    static Path executable(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
