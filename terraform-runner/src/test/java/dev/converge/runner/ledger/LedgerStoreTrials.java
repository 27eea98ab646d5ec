package dev.converge.runner.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.ledger.Deployment;
import dev.converge.runner.testing.JavaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Fault trials with real writer processes ({@link LedgerWriterMain}) against any store: racing
 * writers, and writers killed with SIGKILL at random moments.
 */
final class LedgerStoreTrials {

  /** SIGKILL trials per store, as issue 15 asks of every store. */
  static final int KILL_TRIALS = 20;

  private LedgerStoreTrials() {}

  /** {@code processes} writers append {@code each} records at once; all land, once, with a valid chain. */
  static void race(IntFunction<String> writerLocation, String readerLocation, int processes, int each,
      String... options) throws Exception {
    List<Process> writers = new ArrayList<>();
    for (int p = 1; p <= processes; p++) {
      List<String> args = new ArrayList<>(List.of(writerLocation.apply(p), String.valueOf(each), String.valueOf(p)));
      args.addAll(List.of(options));
      writers.add(new ProcessBuilder(JavaProcess.command(LedgerWriterMain.class, args.toArray(String[]::new)))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }
    for (Process writer : writers) {
      assertThat(writer.waitFor(170, TimeUnit.SECONDS)).isTrue();
      assertThat(writer.exitValue()).isZero();
    }
    try (LedgerStore store = LedgerStore.open(readerLocation)) {
      LedgerContents contents = store.read();
      assertThat(contents.problems()).isEmpty();
      assertThat(contents.lines()).hasSize(processes * each);
      Map<Integer, Long> perWriter = contents.ledger().recordsOf(Deployment.class).stream()
          .collect(Collectors.groupingBy(d -> Integer.parseInt(d.revision().substring(3)) / 1_000_000,
              Collectors.counting()));
      for (int p = 1; p <= processes; p++) {
        assertThat(perWriter).containsEntry(p, (long) each);
      }
      assertThat(contents.lines()).extracting(LedgerLine::id).doesNotHaveDuplicates();
      LedgerVerification verification = store.verify();
      assertThat(verification.isIntact()).as("%s", verification.problems()).isTrue();
      assertThat(verification.chained()).isEqualTo(processes * each);
    }
  }

  /**
   * {@code trials} times: a writer appends until it is killed with SIGKILL after a random number of
   * acknowledged appends (seeded); every acknowledged record must then be in the store, the chain
   * valid, and the next writer able to append.
   */
  static void killTrials(IntFunction<String> writerLocation, String readerLocation, int trials, long seed)
      throws Exception {
    Random random = new Random(seed);
    for (int trial = 1; trial <= trials; trial++) {
      int killAfter = 3 + random.nextInt(25);
      Process writer = new ProcessBuilder(JavaProcess.command(LedgerWriterMain.class, writerLocation.apply(trial),
          "-1", String.valueOf(trial))).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      long acknowledged = 0;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          acknowledged = Long.parseLong(line.substring(3));
          if (acknowledged >= killAfter) {
            // a random moment within the next append: after its acknowledgement, sleep 0-20 ms
            Thread.sleep(random.nextInt(20));
            writer.destroyForcibly(); // SIGKILL on Linux
            break;
          }
        }
      }
      assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(acknowledged).as("seed %d, trial %d: the writer was killed, it did not fail", seed, trial)
          .isEqualTo(killAfter);
      try (LedgerStore store = LedgerStore.open(readerLocation)) {
        LedgerContents contents = store.read();
        assertThat(contents.problems()).allMatch(p -> !p.isError());
        Set<String> revisions = contents.ledger().recordsOf(Deployment.class).stream()
            .map(Deployment::revision).collect(Collectors.toSet());
        for (long i = 0; i < acknowledged; i++) {
          assertThat(revisions).as("seed %d, trial %d: acknowledged append %d", seed, trial, i + 1)
              .contains("rev" + (trial * 1_000_000 + i));
        }
        assertThat(store.verify().isIntact()).as("seed %d, trial %d", seed, trial).isTrue();
      }
    }
    try (LedgerStore next = LedgerStore.open(writerLocation.apply(1))) {
      next.append(Records.approval("after-the-kills"));
      assertThat(next.verify().isIntact()).isTrue();
    }
  }
}
