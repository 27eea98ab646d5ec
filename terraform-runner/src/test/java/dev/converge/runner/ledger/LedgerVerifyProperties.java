package dev.converge.runner.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.ledger.LedgerRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For seeded random ledgers and one random tampering (edit, removal, swap, duplicate), verify
 * names exactly the first line where the chain breaks; untouched ledgers verify intact.
 */
class LedgerVerifyProperties {

  private static final int CASES = 60;

  @TempDir
  Path dir;

  enum Tampering { NONE, EDIT, REMOVE, SWAP, DUPLICATE }

  static Stream<Arguments> seeds() {
    return IntStream.rangeClosed(1, CASES).mapToObj(seed -> Arguments.of(seed, Tampering.values()[seed % Tampering.values().length]));
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("seeds")
  void verify_tampering_namesTheFirstBrokenLine(int seed, Tampering tampering) throws IOException {
    Random random = new Random(seed);
    int size = 3 + random.nextInt(30);
    Path file = dir.resolve("ledger.jsonl");
    LedgerFile ledger = LedgerFile.at(file);
    List<LedgerRecord> records = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      // distinct records: the same record twice is one event, which an append writes once
      records.add(random.nextBoolean() ? Records.deployment(i * 1000 + random.nextInt(1000)) : Records.approval("a" + i + "-" + random.nextInt(1000)));
    }
    int batch = 1 + random.nextInt(4);
    for (int from = 0; from < size; from += batch) {
      ledger.append(records.subList(from, Math.min(size, from + batch)));
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    int k = random.nextInt(size - 1); // 0-based; never the last line, whose edit nothing records
    int expected = switch (tampering) {
      case NONE -> 0;
      case EDIT -> {
        lines.set(k, lines.get(k).replace("\"at\":\"2026", "\"at\":\"2027"));
        yield k + 1;
      }
      case REMOVE -> {
        lines.remove(k);
        yield k + 1;
      }
      case SWAP -> {
        String line = lines.get(k);
        lines.set(k, lines.get(k + 1));
        lines.set(k + 1, line);
        yield k + 1;
      }
      case DUPLICATE -> {
        lines.add(k + 1, lines.get(k));
        yield k + 2;
      }
    };
    Files.write(file, lines, StandardCharsets.UTF_8);

    LedgerVerification verification = ledger.verify();

    if (expected == 0) {
      assertThat(verification.isIntact()).isTrue();
      assertThat(verification.chained()).isEqualTo(size);
    } else {
      assertThat(verification.firstBrokenLine()).as("seed %d, %s of line %d", seed, tampering, k + 1).hasValue(expected);
      assertThat(ledger.read().problems()).isEmpty(); // every line still loads: only the chain tells
    }
  }
}
