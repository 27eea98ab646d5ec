package dev.converge.runner.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Severity;
import dev.converge.ledger.LedgerRecord;
import dev.converge.model.ContentDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerFileTest {

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("ledger.jsonl");
  }

  private List<String> lines() throws IOException {
    return Files.readAllLines(file(), StandardCharsets.UTF_8);
  }

  private void write(String text) throws IOException {
    Files.writeString(file(), text, StandardCharsets.UTF_8);
  }

  private static final String HAND_WRITTEN =
      "{\"type\":\"approval\",\"at\":\"2026-11-27T10:00:00Z\",\"environment\":\"prod\",\"revision\":\"abc123\",\"approver\":\"alice\"}";

  @Nested
  class Append {

    @Test
    void append_newFile_createsItWithSeqOneAndNoPrev() throws IOException {
      LedgerFile.at(file()).append(Records.approval("alice"));

      assertThat(lines()).containsExactly(HAND_WRITTEN.replace("}",
          ",\"id\":\"" + LedgerCodec.idOf(Records.approval("alice")) + "\",\"seq\":1}"));
    }

    @Test
    void append_sameRecordAgain_writesItOnceAndReturnsTheFirstLine() throws IOException {
      LedgerFile ledger = LedgerFile.at(file());
      LedgerLine first = ledger.append(Records.deployment(1));
      ledger.append(Records.deployment(2));

      LedgerLine retried = ledger.append(Records.deployment(1));

      assertThat(lines()).hasSize(2);
      assertThat(retried).isEqualTo(first);
    }

    @Test
    void append_explicitIds_sameIdIsWrittenOnceWhateverTheRecord() throws IOException {
      LedgerFile ledger = LedgerFile.at(file());
      ledger.appendEntries(List.of(LedgerEntry.of("run-42-apply", Records.deployment(1))));

      List<LedgerLine> again = ledger.appendEntries(List.of(
          LedgerEntry.of("run-42-apply", Records.deployment(99)), LedgerEntry.of("run-43", Records.deployment(3))));

      assertThat(lines()).hasSize(2);
      assertThat(again).extracting(LedgerLine::id).containsExactly("run-42-apply", "run-43");
      assertThat(again.get(0).record()).isEqualTo(Records.deployment(1));
      assertThat(ledger.verify().isIntact()).isTrue();
    }

    @Test
    void append_twice_chainsSecondLineToFirst() throws IOException {
      LedgerFile ledger = LedgerFile.at(file());
      ledger.append(Records.deployment(1));
      LedgerLine second = ledger.append(Records.deployment(2));

      assertThat(second.number()).isEqualTo(2);
      assertThat(second.seq()).hasValue(2);
      assertThat(second.prev()).hasValue(ContentDigest.sha256(lines().get(0)));
      assertThat(lines().get(1)).endsWith(",\"seq\":2,\"prev\":\"" + ContentDigest.sha256(lines().get(0)) + "\"}");
    }

    @Test
    void append_afterHandWrittenLines_seqCountsThemAndPrevHashesTheLast() throws IOException {
      write(HAND_WRITTEN + "\n\n" + HAND_WRITTEN.replace("alice", "bob") + "\n");

      LedgerLine line = LedgerFile.at(file()).append(Records.approval("carol"));

      assertThat(line.seq()).hasValue(3);
      assertThat(line.number()).isEqualTo(4);
      assertThat(line.prev()).hasValue(ContentDigest.sha256(HAND_WRITTEN.replace("alice", "bob")));
      assertThat(LedgerFile.at(file()).verify().isIntact()).isTrue();
    }

    @Test
    void append_afterTornLine_cutsItOffAndKeepsTheChain() throws IOException {
      LedgerFile ledger = LedgerFile.at(file());
      ledger.append(List.of(Records.deployment(1), Records.deployment(2)));
      Files.writeString(file(), "{\"type\":\"deploym", StandardOpenOption.APPEND);

      ledger.append(Records.deployment(3));

      assertThat(lines()).hasSize(3);
      assertThat(ledger.read().problems()).isEmpty();
      assertThat(ledger.verify().isIntact()).isTrue();
    }

    @Test
    void append_afterWholeRecordWithoutLineBreak_endsItAndChainsToIt() throws IOException {
      write(HAND_WRITTEN);

      LedgerFile.at(file()).append(Records.approval("bob"));

      assertThat(lines()).hasSize(2);
      assertThat(lines().get(0)).isEqualTo(HAND_WRITTEN);
      assertThat(LedgerFile.at(file()).load().size()).isEqualTo(2);
      assertThat(LedgerFile.at(file()).verify().isIntact()).isTrue();
    }

    @Test
    void append_folderIsAFile_throwsAProblemNamingTheFile() throws IOException {
      Path notAFolder = Files.writeString(dir.resolve("plain"), "x");
      LedgerFile ledger = LedgerFile.at(notAFolder.resolve("ledger.jsonl"));

      assertThatThrownBy(() -> ledger.append(Records.approval("alice")))
          .isInstanceOfSatisfying(ConvergeException.class, e -> assertThat(e.problems()).singleElement()
              .satisfies(p -> assertThat(p.rule()).isEqualTo("ledger-io")))
          .hasMessageContaining(notAFolder.toString());
    }

    @Test
    void append_sameFileThroughASymbolicLink_sharesTheLock() throws Exception {
      Path link = Files.createSymbolicLink(dir.resolve("link"), dir);
      LedgerFile direct = LedgerFile.at(file());
      LedgerFile linked = LedgerFile.at(link.resolve("ledger.jsonl"));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<?> a = pool.submit(() -> IntStream.range(0, 30).forEach(i -> direct.append(Records.deployment(i))));
        Future<?> b = pool.submit(() -> IntStream.range(0, 30).forEach(i -> linked.append(Records.deployment(100 + i))));
        a.get();
        b.get();
      } finally {
        pool.shutdownNow();
      }

      assertThat(direct.load().size()).isEqualTo(60);
      assertThat(direct.verify().isIntact()).isTrue();
    }

    @Test
    void append_batch_writesEveryRecordInOrder() {
      LedgerFile ledger = LedgerFile.at(file());
      List<LedgerRecord> batch = IntStream.rangeClosed(1, 5).<LedgerRecord>mapToObj(Records::deployment).toList();

      List<LedgerLine> lines = ledger.append(batch);

      assertThat(lines).extracting(LedgerLine::number).containsExactly(1, 2, 3, 4, 5);
      assertThat(ledger.load().records()).isEqualTo(batch);
    }

    @Test
    void append_manyThreads_loseNoRecordAndKeepTheChain() throws Exception {
      LedgerFile ledger = LedgerFile.at(file());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int thread = t;
          futures.add(pool.submit(() -> {
            for (int i = 0; i < 50; i++) {
              LedgerFile.at(file()).append(Records.deployment(thread * 1000 + i));
            }
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(ledger.load().size()).isEqualTo(200);
      assertThat(ledger.verify().isIntact()).isTrue();
    }
  }

  @Nested
  class Read {

    @Test
    void read_missingFile_isEmpty() {
      LedgerContents contents = LedgerFile.at(file()).read();

      assertThat(contents.lines()).isEmpty();
      assertThat(contents.problems()).isEmpty();
    }

    @Test
    void read_handWrittenLines_load() throws IOException {
      write(HAND_WRITTEN + "\r\n" + HAND_WRITTEN.replace("alice", "bob") + "\n");

      assertThat(LedgerFile.at(file()).load().records())
          .containsExactly(Records.approval("alice"), Records.approval("bob"));
    }

    @Test
    void read_tornLastLine_warnsAndKeepsEveryRecordBefore() throws IOException {
      write(HAND_WRITTEN + "\n" + HAND_WRITTEN + "\n" + HAND_WRITTEN.substring(0, 30));

      LedgerContents contents = LedgerFile.at(file()).read();

      assertThat(contents.lines()).hasSize(2);
      assertThat(contents.problems()).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("ledger-torn-line");
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.location().orElseThrow().line()).isEqualTo(3);
      });
      assertThat(LedgerFile.at(file()).load().size()).isEqualTo(2);
    }

    @Test
    void read_badJsonInTheMiddle_isAnErrorNamingFileLineAndColumn() throws IOException {
      write(HAND_WRITTEN + "\n{\"type\": oops}\n" + HAND_WRITTEN + "\n");

      LedgerContents contents = LedgerFile.at(file()).read();

      assertThat(contents.lines()).hasSize(2);
      assertThat(contents.problems()).singleElement().satisfies(p -> {
        assertThat(p.isError()).isTrue();
        assertThat(p.location().orElseThrow().render()).isEqualTo(file().toString() + ":2:10");
      });
      assertThatThrownBy(() -> LedgerFile.at(file()).load())
          .isInstanceOf(ConvergeException.class)
          .hasMessageContaining(file() + ":2:10");
    }
  }

  @Nested
  class Verify {

    private LedgerFile tenRecords() {
      LedgerFile ledger = LedgerFile.at(file());
      ledger.append(IntStream.rangeClosed(1, 10).<LedgerRecord>mapToObj(Records::deployment).toList());
      return ledger;
    }

    private void rewrite(List<String> lines) throws IOException {
      Files.write(file(), lines, StandardCharsets.UTF_8);
    }

    @Test
    void verify_untouched_isIntact() {
      LedgerVerification result = tenRecords().verify();

      assertThat(result.isIntact()).isTrue();
      assertThat(result.records()).isEqualTo(10);
      assertThat(result.chained()).isEqualTo(10);
    }

    @Test
    void verify_editedLine_namesIt() throws IOException {
      LedgerFile ledger = tenRecords();
      List<String> lines = new ArrayList<>(lines());
      lines.set(3, lines.get(3).replace("\"success\"", "\"failure\""));
      rewrite(lines);

      LedgerVerification result = ledger.verify();

      assertThat(result.firstBrokenLine()).hasValue(4);
      assertThat(result.problems()).singleElement().satisfies(p ->
          assertThat(p.message()).contains("line 4 was changed after line 5 was written"));
    }

    @Test
    void verify_removedLine_namesTheLineWhereTheGapShows() throws IOException {
      LedgerFile ledger = tenRecords();
      List<String> lines = new ArrayList<>(lines());
      lines.remove(6);
      rewrite(lines);

      assertThat(ledger.verify().firstBrokenLine()).hasValue(7);
    }

    @Test
    void verify_swappedLines_namesTheFirstOfThem() throws IOException {
      LedgerFile ledger = tenRecords();
      List<String> lines = new ArrayList<>(lines());
      String third = lines.get(2);
      lines.set(2, lines.get(3));
      lines.set(3, third);
      rewrite(lines);

      assertThat(ledger.verify().firstBrokenLine()).hasValue(3);
    }

    @Test
    void verify_firstLineRemoved_namesLineOne() throws IOException {
      LedgerFile ledger = tenRecords();
      List<String> lines = new ArrayList<>(lines());
      lines.remove(0);
      rewrite(lines);

      assertThat(ledger.verify().firstBrokenLine()).hasValue(1);
    }

    @Test
    void verify_handWrittenFile_isIntact() throws IOException {
      write(HAND_WRITTEN + "\n" + HAND_WRITTEN + "\n");

      LedgerVerification result = LedgerFile.at(file()).verify();

      assertThat(result.isIntact()).isTrue();
      assertThat(result.chained()).isZero();
    }

    @Test
    void verify_lineThatIsNotARecord_isBroken() throws IOException {
      LedgerFile ledger = tenRecords();
      List<String> lines = new ArrayList<>(lines());
      lines.set(5, "garbage");
      rewrite(lines);

      assertThat(ledger.verify().firstBrokenLine()).hasValue(6);
    }

    @Test
    void verify_tornLastLine_isIntactWithAWarning() throws IOException {
      LedgerFile ledger = tenRecords();
      Files.writeString(file(), "{\"ty", StandardOpenOption.APPEND);

      LedgerVerification result = ledger.verify();

      assertThat(result.isIntact()).isTrue();
      assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.rule()).isEqualTo("ledger-torn-line"));
    }
  }
}
