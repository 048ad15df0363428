package dev.airlock.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlStatementsTest {

    @ParameterizedTest
    @ValueSource(strings = {"DELETE FROM t WHERE id = 1", "  drop table logs", "TRUNCATE TABLE t",
        "-- cleanup\nDELETE FROM t", "/* old */ DROP DATABASE d", "SELECT 1; DROP TABLE t",
        "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "ALTER TABLE t DROP COLUMN c",
        "VACUUM t", "(DELETE FROM t)"})
    void destroys(String sql) {
        assertThat(SqlStatements.destroys(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT * FROM deleted_rows", "INSERT INTO t VALUE {'a': 1}",
        "UPDATE t SET dropped = true", "-- DELETE FROM t\nSELECT 1", "ALTER TABLE t ADD COLUMN delete_flag int",
        "", "   "})
    void doesNotDestroy(String sql) {
        assertThat(SqlStatements.destroys(sql)).isFalse();
    }
}
