package dev.converge.runner.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.diagnostic.Problem;
import dev.converge.ledger.Deployment;
import dev.converge.runner.testing.JavaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Durability with real processes: SIGKILL mid-append, and two processes appending at once. */
class LedgerFileIT {

  @TempDir
  Path dir;

  @Test
  @Timeout(60)
  void append_writerKilledWithSigkill_losesNoAcknowledgedRecordAndStillLoads() throws Exception {
    Path file = dir.resolve("ledger.jsonl");
    long acknowledged = 0;
    for (int round = 1; round <= 3; round++) {
      Process writer = new ProcessBuilder(JavaProcess.command(LedgerWriterMain.class, file.toString(), "-1",
          String.valueOf(round))).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      long acknowledgedThisRound = 0;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          acknowledgedThisRound = Long.parseLong(line.substring(3));
          if (acknowledgedThisRound >= 100 + 37L * round) {
            writer.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush, mid-append or not
            break;
          }
        }
      }
      assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
      acknowledged += acknowledgedThisRound;

      LedgerContents contents = LedgerFile.at(file).read();
      assertThat(contents.problems()).allMatch(p -> !p.isError(), "only a torn-line warning may remain");
      assertThat(contents.lines().size()).isGreaterThanOrEqualTo((int) acknowledged);
      assertThat(LedgerFile.at(file).verify().isIntact()).isTrue();
    }

    LedgerFile.at(file).append(Records.approval("after-the-crashes"));
    LedgerContents after = LedgerFile.at(file).read();
    assertThat(after.problems()).extracting(Problem::rule).isEmpty();
    assertThat(after.lines()).hasSizeGreaterThan((int) acknowledged);
    assertThat(LedgerFile.at(file).verify().isIntact()).isTrue();
  }

  @Test
  @Timeout(120)
  void append_twoProcessesThousandEach_leavesTwoThousandRecordsAndAValidChain() throws Exception {
    Path file = dir.resolve("ledger.jsonl");
    List<Process> writers = List.of(
        new ProcessBuilder(JavaProcess.command(LedgerWriterMain.class, file.toString(), "1000", "1"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start(),
        new ProcessBuilder(JavaProcess.command(LedgerWriterMain.class, file.toString(), "1000", "2"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    for (Process writer : writers) {
      assertThat(writer.waitFor(100, TimeUnit.SECONDS)).isTrue();
      assertThat(writer.exitValue()).isZero();
    }

    LedgerContents contents = LedgerFile.at(file).read();
    assertThat(contents.problems()).isEmpty();
    assertThat(contents.lines()).hasSize(2000);
    Map<String, Long> perWriter = contents.ledger().recordsOf(Deployment.class).stream()
        .collect(Collectors.groupingBy(d -> d.revision().substring(0, 4), Collectors.counting()));
    assertThat(perWriter).containsOnly(Map.entry("rev1", 1000L), Map.entry("rev2", 1000L));
    LedgerVerification verification = LedgerFile.at(file).verify();
    assertThat(verification.isIntact()).isTrue();
    assertThat(verification.chained()).isEqualTo(2000);
  }

  @Test
  @Timeout(240)
  void append_fourProcessesTwoHundredFiftyEach_leaveAThousandRecordsAndAValidChain() throws Exception {
    String file = dir.resolve("raced.jsonl").toString();
    LedgerStoreTrials.race(n -> file, file, 4, 250);
  }

  @Test
  @Timeout(300)
  void append_writerKilledWithSigkillAtRandomMoments_keepsEveryAcknowledgedRecord() throws Exception {
    String file = dir.resolve("killed.jsonl").toString();
    LedgerStoreTrials.killTrials(n -> file, file, LedgerStoreTrials.KILL_TRIALS, 20261203L);
  }
}
