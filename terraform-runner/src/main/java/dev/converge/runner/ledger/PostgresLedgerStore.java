package dev.converge.runner.ledger;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.diagnostic.SourceLocation;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger in one PostgreSQL table, one row per record: {@code seq} (the primary key),
 * {@code id} (unique), {@code line} (the record's exact JSON text, with its {@code id}, {@code seq}
 * and {@code prev}), {@code writer} (the database user that inserted it, {@code current_user}, set
 * by the server) and {@code written_at}.
 *
 * <p>Appends serialise on a transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) keyed
 * by the table: under it the append looks up the batch's ids, reads the last row, chains the new
 * lines to it and inserts them, and the commit releases the lock. Writers wait in line instead of
 * failing and retrying, as they would under {@code SERIALIZABLE} ({@code docs/decisions.md}); a
 * lock dies with its session, so a killed writer or a restarted server leaves none behind. The
 * primary key on {@code seq} and the unique {@code id} stay as a second guard.
 *
 * <p>A connection lost mid-append (server restart, network) is retried on a new connection for up
 * to {@value #RETRY_SECONDS} seconds; if the lost reply was the commit's, the retry finds the ids and
 * writes nothing twice.
 *
 * <p>The schema is Converge's: {@link #open} creates the table when missing and migrates it to
 * {@value #SCHEMA_VERSION}, recording the version per table in {@code converge_schema}.
 */
public final class PostgresLedgerStore implements LedgerStore {

  /** The schema version this Converge writes. */
  public static final int SCHEMA_VERSION = 1;
  static final String DEFAULT_TABLE = "converge_ledger";
  static final int RETRY_SECONDS = 30;
  private static final int FETCH = 10_000;
  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Logger LOG = LoggerFactory.getLogger(PostgresLedgerStore.class);

  private final String location;
  private final String url;
  private final Properties properties;
  private final String table;
  private Connection connection;

  private PostgresLedgerStore(String location, String url, Properties properties, String table) {
    this.location = location;
    this.url = url;
    this.properties = properties;
    this.table = table;
  }

  /**
   * The ledger at {@code location}: {@code postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB[?PARAMS]}
   * or the same after {@code jdbc:}; PARAMS are the driver's ({@code user}, {@code password},
   * {@code sslmode}, …) and {@code table} (default {@value #DEFAULT_TABLE}).
   */
  public static PostgresLedgerStore open(String location) {
    Objects.requireNonNull(location, "location");
    String text = location.startsWith("jdbc:") ? location.substring("jdbc:".length()) : location;
    if (text.startsWith("postgres:")) {
      text = "postgresql:" + text.substring("postgres:".length());
    }
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("location (" + LedgerLocation.withoutPassword(location)
          + ") is not a PostgreSQL URL such as postgresql://localhost/converge?user=converge", e);
    }
    Properties properties = new Properties();
    if (uri.getRawUserInfo() != null) {
      String[] user = uri.getRawUserInfo().split(":", 2);
      properties.setProperty("user", decode(user[0]));
      if (user.length > 1) {
        properties.setProperty("password", decode(user[1]));
      }
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        parameters.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    String table = Optional.ofNullable(parameters.remove("table")).orElse(DEFAULT_TABLE);
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("table (" + table + ") must be a lower-case SQL name such as converge_ledger");
    }
    parameters.forEach(properties::setProperty);
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    String url = "jdbc:postgresql://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
    PostgresLedgerStore store = new PostgresLedgerStore(LedgerLocation.withoutPassword(location), url, properties, table);
    store.withRetry(c -> {
      store.migrate(c);
      return null;
    });
    return store;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  @Override
  public String location() {
    return location;
  }

  /** The table that holds the ledger. */
  public String table() {
    return table;
  }

  @Override
  public LedgerContents read() {
    return LedgerText.parse(rows(), location);
  }

  @Override
  public LedgerVerification verify() {
    return LedgerText.verify(rows(), location);
  }

  private List<LedgerText.RawLine> rows() {
    return withRetry(c -> {
      List<LedgerText.RawLine> lines = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement("SELECT line, writer FROM " + table + " ORDER BY seq")) {
        select.setFetchSize(FETCH);
        try (ResultSet rows = select.executeQuery()) {
          int number = 0;
          while (rows.next()) {
            number++;
            lines.add(new LedgerText.RawLine(number, rows.getString(1), false, Optional.ofNullable(rows.getString(2))));
          }
        }
      }
      c.commit();
      return lines;
    });
  }

  @Override
  public List<LedgerLine> appendEntries(List<LedgerEntry> entries) {
    entries.forEach(e -> Objects.requireNonNull(e, "ledger entry"));
    if (entries.isEmpty()) {
      return List.of();
    }
    return withRetry(c -> {
      lock(c);
      Map<String, LedgerLine> existing = existing(c, entries);
      List<LedgerEntry> fresh = LedgerText.fresh(entries, existing);
      if (fresh.isEmpty()) {
        c.rollback();
        return LedgerText.answer(entries, existing, List.of());
      }
      Last last = last(c);
      OptionalLong lastSeq = last.line.map(LedgerText::seqOf).orElse(OptionalLong.empty());
      long seq = lastSeq.isPresent() ? lastSeq.getAsLong() + 1 : last.position + 1;
      String writer = currentUser(c);
      List<LedgerLine> chained = LedgerText.chain(fresh, last.line, seq, Optional.empty());
      List<LedgerLine> written = new ArrayList<>();
      for (int i = 0; i < chained.size(); i++) {
        written.add(chained.get(i).withNumber((int) last.position + 1 + i).withWriter(writer));
      }
      insert(c, last.position, written.stream().map(LedgerLine::text).toList(),
          written.stream().map(LedgerLine::id).toList());
      c.commit();
      return LedgerText.answer(entries, existing, written);
    });
  }

  @Override
  public void appendExact(int after, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    withRetry(c -> {
      lock(c);
      Last last = last(c);
      if (last.position != after) {
        c.rollback();
        throw new ConvergeException(List.of(LedgerText.chainProblem(location, 0,
            "the ledger holds " + last.position + " records, not " + after + ": another writer appended meanwhile",
            "copy again")));
      }
      List<String> ids = new ArrayList<>();
      for (String line : lines) {
        ids.add(LedgerCodec.decode(line, location, 0).map(LedgerCodec.Decoded::id)
            .getOrElseThrow(p -> new ConvergeException(List.of(p))));
      }
      insert(c, after, lines, ids);
      c.commit();
      return null;
    });
  }

  private void lock(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, "converge-ledger:" + table);
      lock.execute();
    }
  }

  private Map<String, LedgerLine> existing(Connection c, List<LedgerEntry> entries) throws SQLException {
    Map<String, LedgerLine> found = new HashMap<>();
    try (PreparedStatement select = c.prepareStatement(
        "SELECT seq, line, writer FROM " + table + " WHERE id = ANY(?)")) {
      select.setArray(1, c.createArrayOf("text", entries.stream().map(LedgerEntry::id).distinct().toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          LedgerContents one = LedgerText.parse(List.of(new LedgerText.RawLine((int) rows.getLong(1),
              rows.getString(2), false, Optional.ofNullable(rows.getString(3)))), location);
          one.lines().forEach(l -> found.put(l.id(), l));
        }
      }
    }
    return found;
  }

  /** The last row's line and how many rows there are (rows are numbered 1…n by {@code seq}). */
  private record Last(Optional<String> line, long position) {}

  private Last last(Connection c) throws SQLException {
    try (Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery("SELECT seq, line FROM " + table + " ORDER BY seq DESC LIMIT 1")) {
      return rows.next() ? new Last(Optional.of(rows.getString(2)), rows.getLong(1)) : new Last(Optional.empty(), 0);
    }
  }

  private static String currentUser(Connection c) throws SQLException {
    try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery("SELECT current_user")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private void insert(Connection c, long after, List<String> lines, List<String> ids) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO " + table + " (seq, id, line) VALUES (?, ?, ?)")) {
      for (int i = 0; i < lines.size(); i++) {
        insert.setLong(1, after + 1 + i);
        insert.setString(2, ids.get(i));
        insert.setString(3, lines.get(i));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Creates or migrates the table under a lock that every Converge takes for it, and records the
   * version. Version 1: the table with {@code seq}, {@code id}, {@code line}, {@code writer},
   * {@code written_at}.
   */
  private void migrate(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, "converge-schema");
      lock.execute();
    }
    try (Statement statement = c.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS converge_schema (ledger_table text PRIMARY KEY,"
          + " version integer NOT NULL, migrated_at timestamptz NOT NULL DEFAULT now())");
    }
    int version = 0;
    try (PreparedStatement select = c.prepareStatement("SELECT version FROM converge_schema WHERE ledger_table = ?")) {
      select.setString(1, table);
      try (ResultSet rows = select.executeQuery()) {
        if (rows.next()) {
          version = rows.getInt(1);
        }
      }
    }
    if (version > SCHEMA_VERSION) {
      c.rollback();
      throw new ConvergeException(List.of(problem("the table " + table + " is at schema version " + version
          + ", newer than this Converge's " + SCHEMA_VERSION, "use a newer Converge")));
    }
    if (version < 1) {
      try (Statement statement = c.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (seq bigint PRIMARY KEY,"
            + " id text NOT NULL UNIQUE, line text NOT NULL, writer text NOT NULL DEFAULT current_user,"
            + " written_at timestamptz NOT NULL DEFAULT now())");
      }
    }
    if (version < SCHEMA_VERSION) {
      try (PreparedStatement upsert = c.prepareStatement("INSERT INTO converge_schema (ledger_table, version)"
          + " VALUES (?, ?) ON CONFLICT (ledger_table) DO UPDATE SET version = EXCLUDED.version, migrated_at = now()")) {
        upsert.setString(1, table);
        upsert.setInt(2, SCHEMA_VERSION);
        upsert.executeUpdate();
      }
    }
    c.commit();
  }

  /** The schema version recorded for this store's table. */
  public int schemaVersion() {
    return withRetry(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT version FROM converge_schema WHERE ledger_table = ?")) {
        select.setString(1, table);
        try (ResultSet rows = select.executeQuery()) {
          int version = rows.next() ? rows.getInt(1) : 0;
          c.commit();
          return version;
        }
      }
    });
  }

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in a transaction; when the connection is lost (SQL state class 08, or the
   * server shutting down, 57P), reconnects and runs it again, for up to {@value #RETRY_SECONDS} s.
   */
  private synchronized <T> T withRetry(Work<T> work) {
    long deadline = System.nanoTime() + Duration.ofSeconds(RETRY_SECONDS).toNanos();
    int attempt = 0;
    while (true) {
      attempt++;
      try {
        Connection c = connection();
        try {
          return work.run(c);
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c);
          throw e;
        }
      } catch (SQLException e) {
        if (!isConnectionLoss(e) || System.nanoTime() > deadline) {
          throw new ConvergeException(List.of(problem("the database refused: " + e.getMessage()
              + " (SQL state " + e.getSQLState() + ")", "check the location, the user's rights and the server")));
        }
        LOG.warn("{}: connection lost ({}); retrying", location, e.getMessage());
        closeQuietly();
        pause(attempt);
      }
    }
  }

  private static boolean isConnectionLoss(SQLException e) {
    String state = e.getSQLState();
    return state == null || state.startsWith("08") || state.startsWith("57P");
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(1000, 50L * attempt) + ThreadLocalRandom.current().nextLong(50));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvergeException(List.of(problem("interrupted while waiting for the database", "try again")));
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = DriverManager.getConnection(url, properties);
      connection.setAutoCommit(false);
    }
    return connection;
  }

  private static void rollbackQuietly(Connection c) {
    try {
      if (!c.isClosed()) {
        c.rollback();
      }
    } catch (SQLException ignored) {
      // the connection is gone; so is the transaction
    }
  }

  private void closeQuietly() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // closing a broken connection
    }
    connection = null;
  }

  private static Problem problem(String message, String fix) {
    return Problem.builder().rule(LedgerFile.RULE_IO).severity(Severity.ERROR).message(message)
        .location(SourceLocation.ofFile("<postgresql>")).fix(fix).build();
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }

  @Override
  public String toString() {
    return "PostgresLedgerStore[" + location + "]";
  }
}
