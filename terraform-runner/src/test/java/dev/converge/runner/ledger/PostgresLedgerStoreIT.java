package dev.converge.runner.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.runner.testing.JavaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The PostgreSQL store with real writer processes against a real server: racing writers, writers
 * killed with SIGKILL, and the server restarting under running writers.
 *
 * <p>The restart runs {@code CONVERGE_TEST_POSTGRES_RESTART} (for example
 * {@code pg_ctlcluster 15 main restart}; {@code .ci/run} sets it) when given; without it the test
 * cuts every connection of the test user from the server side ({@code pg_terminate_backend}),
 * which the writers meet the same way: a connection gone mid-transaction.
 */
class PostgresLedgerStoreIT {

  String table;

  @BeforeEach
  void freshTable() {
    TestDatabase.url();
    table = TestDatabase.freshTable();
  }

  @AfterEach
  void dropTable() throws Exception {
    TestDatabase.drop(table);
  }

  @Test
  @Timeout(180)
  void append_fourProcessesTwoHundredFiftyEach_leaveAThousandRecordsAndAValidChain() throws Exception {
    LedgerStoreTrials.race(n -> TestDatabase.location(table), TestDatabase.location(table), 4, 250);
  }

  @Test
  @Timeout(300)
  void append_writerKilledWithSigkillAtRandomMoments_keepsEveryAcknowledgedRecord() throws Exception {
    LedgerStoreTrials.killTrials(n -> TestDatabase.location(table), TestDatabase.location(table),
        LedgerStoreTrials.KILL_TRIALS, 20261203L);
  }

  @Test
  @Timeout(180)
  void append_serverRestartsUnderTwoWriters_everyRecordLandsOnceAndTheChainHolds() throws Exception {
    String location = TestDatabase.location(table);
    try (LedgerStore create = LedgerStore.open(location)) {
      create.read();
    }
    int each = 150;
    List<Process> writers = new ArrayList<>();
    for (int p = 1; p <= 2; p++) {
      writers.add(new ProcessBuilder(JavaProcess.command(LedgerWriterMain.class, location, String.valueOf(each),
          String.valueOf(p))).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }
    BufferedReader first = new BufferedReader(new InputStreamReader(writers.get(0).getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = first.readLine()) != null && Long.parseLong(line.substring(3)) < 40) {
      // let the writers get going
    }
    interruptTheServer();
    while (first.readLine() != null) {
      // drain
    }
    for (Process writer : writers) {
      writer.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(writer.exitValue()).isZero();
    }

    try (LedgerStore store = LedgerStore.open(location)) {
      LedgerContents contents = store.read();
      assertThat(contents.lines()).hasSize(2 * each);
      assertThat(contents.lines()).extracting(LedgerLine::id).doesNotHaveDuplicates();
      assertThat(store.verify().isIntact()).isTrue();
    }
  }

  private static void interruptTheServer() throws Exception {
    String restart = System.getenv("CONVERGE_TEST_POSTGRES_RESTART");
    if (restart != null && !restart.isBlank()) {
      Process process = new ProcessBuilder("sh", "-c", restart).inheritIO().start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("%s", restart).isZero();
    } else {
      TestDatabase.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE usename = current_user AND pid <> pg_backend_pid()");
    }
  }
}
