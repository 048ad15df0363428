package dev.airlock.agent.it;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What most agent tests start from: the built agent, a directory of their own, and a stand-in S3 for each test. */
abstract class AgainstS3Stand {

    @TempDir
    Path dir;
    AgentBuild build;
    S3Stand s3;

    @BeforeEach
    final void startS3Stand() throws IOException {
        build = AgentBuild.locate();
        s3 = new S3Stand();
    }

    @AfterEach
    final void stopS3Stand() {
        s3.close();
    }
}
