package dev.airlock.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM \"orders\" WHERE pk = ? | orders",
        "SELECT \"from\", a FROM orders | orders",
        "select * from \"orders\".\"byCustomer\" | orders",
        "INSERT INTO audit VALUE {'pk': 'from x'} | audit",
        "UPDATE \"orders\" SET s = 'FROM' WHERE pk = ? | orders",
        "  DELETE FROM my-table WHERE pk = ? | my-table",
    })
    void partiQlTable(String statement, String table) {
        assertThat(SqlStatements.partiQlTable(statement)).isEqualTo(table);
    }

    @Test
    void partiQlWithoutATable() {
        assertThat(SqlStatements.partiQlTable("EXISTS")).isNull();
        assertThat(SqlStatements.partiQlTable(null)).isNull();
        assertThat(SqlStatements.partiQlTable("SELECT 1 FROM")).isNull();
    }
}
