package dev.converge.runner.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store against a real server ({@link TestDatabase}), one fresh table per test. */
class PostgresLedgerStoreTest extends LedgerStoreContract {

  String table;

  @BeforeEach
  void freshTable() {
    TestDatabase.url();
    table = TestDatabase.freshTable();
  }

  @AfterEach
  void dropTable() throws Exception {
    closeStores();
    TestDatabase.drop(table);
  }

  @Override
  String location() {
    return TestDatabase.location(table);
  }

  @Override
  void tamper(int record, UnaryOperator<String> edit) throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabase.url())) {
      String line;
      try (PreparedStatement select = c.prepareStatement("SELECT line FROM " + table + " WHERE seq = ?")) {
        select.setLong(1, record);
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          line = rows.getString(1);
        }
      }
      try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET line = ? WHERE seq = ?")) {
        update.setString(1, edit.apply(line));
        update.setLong(2, record);
        update.executeUpdate();
      }
    }
  }

  @Test
  void open_newTable_isCreatedAndItsSchemaVersionRecorded() {
    PostgresLedgerStore store = (PostgresLedgerStore) store();

    assertThat(store.schemaVersion()).isEqualTo(PostgresLedgerStore.SCHEMA_VERSION);
    assertThat(store.table()).isEqualTo(table);
  }

  @Test
  void append_writerIsTheDatabaseUser() throws Exception {
    store().append(Records.deployment(1));

    String user;
    try (Connection c = DriverManager.getConnection(TestDatabase.url())) {
      user = c.getMetaData().getUserName();
    }
    assertThat(store().read().lines().get(0).writer()).hasValue(user);
  }

  @Test
  void verify_deletedRow_namesTheRecordWhereTheGapShows() throws Exception {
    store().append(deployments(0, 5));

    TestDatabase.execute("DELETE FROM " + table + " WHERE seq = 2");

    LedgerVerification verification = store().verify();
    assertThat(verification.firstBrokenLine()).hasValue(2);
    assertThat(verification.problems().get(0).message()).contains("says `seq` 3");
  }

  @Test
  void append_afterTheServerDroppedTheConnection_reconnectsAndWritesOnce() throws Exception {
    LedgerStore store = store();
    store.append(Records.deployment(1));

    TestDatabase.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        + " WHERE usename = current_user AND pid <> pg_backend_pid()");
    store.append(deployments(1, 3));

    assertThat(store.read().ledger().records()).containsExactlyElementsOf(deployments(1, 3));
    assertThat(store.verify().isIntact()).isTrue();
  }
}
