package dev.airlock.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceKeyTest {

    @TempDir
    Path dir;

    @Test
    void theKeyFileIsOwnerOnlyAndTheSamePairIsReadBack() throws Exception {
        KeyPair first = ServiceKey.loadOrCreate(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(ServiceKey.PRIVATE_FILE))))
                .isEqualTo("rw-------");
        KeyPair again = ServiceKey.loadOrCreate(dir);
        assertThat(again.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
        assertThat(ServiceKey.readPublic(dir.resolve(ServiceKey.PUBLIC_FILE)).getEncoded())
                .isEqualTo(first.getPublic().getEncoded());
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws Exception {
        ServiceKey.loadOrCreate(dir);
        Files.setPosixFilePermissions(dir.resolve(ServiceKey.PRIVATE_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ServiceKey.loadOrCreate(dir)).hasMessageContaining("readable by others")
                .hasMessageContaining("chmod 600");
    }
}
