package dev.converge.runner.ledger;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: {@code CONVERGE_TEST_POSTGRES}, a JDBC URL such as
 * {@code jdbc:postgresql://localhost/converge_test?user=converge_test&password=converge_test}. Missing,
 * the tests fail when {@code CI=true} and are skipped otherwise, saying how to start one.
 */
final class TestDatabase {

  static final String VARIABLE = "CONVERGE_TEST_POSTGRES";
  private static final AtomicInteger TABLES = new AtomicInteger();

  private TestDatabase() {}

  /** The server's URL; aborts (skips) the test, or fails it in CI, when there is none. */
  static String url() {
    String url = System.getenv(VARIABLE);
    if (url == null || url.isBlank()) {
      String how = VARIABLE + " is not set. Start PostgreSQL and point it there, for example (as root on Debian):\n"
          + "  pg_ctlcluster 15 main start\n"
          + "  su postgres -c \"psql -c \\\"CREATE ROLE converge_test LOGIN PASSWORD 'converge_test'\\\"\"\n"
          + "  su postgres -c \"psql -c \\\"CREATE DATABASE converge_test OWNER converge_test\\\"\"\n"
          + "  export " + VARIABLE + "='jdbc:postgresql://localhost/converge_test?user=converge_test&password=converge_test'\n"
          + "(.ci/run does this.)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(how);
      }
      Assumptions.abort(how);
    }
    return url;
  }

  /** A table name of its own for one test, so tests and runs never share a ledger. */
  static String freshTable() {
    return "ledger_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000_000L + "_"
        + TABLES.incrementAndGet();
  }

  static String location(String table) {
    String url = url();
    return url + (url.contains("?") ? "&" : "?") + "table=" + table;
  }

  static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url()); Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  static void drop(String table) throws SQLException {
    execute("DROP TABLE IF EXISTS " + table);
    execute("DELETE FROM converge_schema WHERE ledger_table = '" + table + "'");
  }
}
