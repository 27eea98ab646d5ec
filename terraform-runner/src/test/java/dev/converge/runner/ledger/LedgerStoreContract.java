package dev.converge.runner.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.ledger.Deployment;
import dev.converge.ledger.LedgerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every ledger store promises ({@link LedgerStore}), run against a real one: each subclass opens
 * a store on fresh storage and knows how to tamper with a stored line behind the store's back.
 */
abstract class LedgerStoreContract {

  private final List<LedgerStore> opened = new ArrayList<>();

  /** The location of this test's fresh, empty store. */
  abstract String location();

  /** Replaces the text of record {@code record} (1-based) in the storage, as an intruder would. */
  abstract void tamper(int record, UnaryOperator<String> edit) throws Exception;

  /** Another writer's location for the same ledger (for git: another local copy of the same remote). */
  String anotherWriter(int n) {
    return location();
  }

  /** How many appends each of four threads makes in the race (a store whose appends are slow makes fewer). */
  int appendsPerThread() {
    return 25;
  }

  LedgerStore open(String location) {
    LedgerStore store = LedgerStore.open(location);
    opened.add(store);
    return store;
  }

  LedgerStore store() {
    return open(location());
  }

  @AfterEach
  void closeStores() {
    opened.forEach(LedgerStore::close);
  }

  static List<LedgerRecord> deployments(int from, int to) {
    return IntStream.range(from, to).<LedgerRecord>mapToObj(Records::deployment).toList();
  }

  @Test
  void read_empty_hasNoRecords() {
    LedgerContents contents = store().read();

    assertThat(contents.lines()).isEmpty();
    assertThat(contents.problems()).isEmpty();
    assertThat(store().verify().isIntact()).isTrue();
  }

  @Test
  void append_batches_readBackInOrderWithTheChain() {
    LedgerStore store = store();
    List<LedgerLine> first = store.append(deployments(0, 3));
    List<LedgerLine> second = store.append(deployments(3, 5));

    LedgerContents contents = open(location()).read();

    assertThat(contents.problems()).isEmpty();
    assertThat(contents.ledger().records()).containsExactlyElementsOf(deployments(0, 5));
    assertThat(contents.lines()).extracting(LedgerLine::number).containsExactly(1, 2, 3, 4, 5);
    assertThat(contents.lines()).extracting(l -> l.seq().getAsLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(first).extracting(LedgerLine::number).containsExactly(1, 2, 3);
    assertThat(second).extracting(LedgerLine::text)
        .containsExactlyElementsOf(contents.lines().subList(3, 5).stream().map(LedgerLine::text).toList());
    assertThat(contents.lines()).extracting(LedgerLine::id)
        .containsExactlyElementsOf(deployments(0, 5).stream().map(LedgerCodec::idOf).toList());
    assertThat(store.verify().isIntact()).isTrue();
    assertThat(store.verify().chained()).isEqualTo(5);
  }

  @Test
  void append_retriedAfterALostReply_writesNothingTwice() {
    LedgerStore store = store();
    store.append(deployments(0, 2));

    List<LedgerLine> retried = open(anotherWriter(1)).append(deployments(1, 3));

    assertThat(store.read().ledger().records()).containsExactlyElementsOf(deployments(0, 3));
    assertThat(retried).extracting(LedgerLine::number).containsExactly(2, 3);
    assertThat(store.verify().isIntact()).isTrue();
  }

  @Test
  void appendEntries_explicitId_isWrittenOnce() {
    LedgerStore store = store();
    store.appendEntries(List.of(LedgerEntry.of("ci-run-7", Records.deployment(1))));

    store.appendEntries(List.of(LedgerEntry.of("ci-run-7", Records.deployment(2))));

    assertThat(store.read().lines()).extracting(LedgerLine::id).containsExactly("ci-run-7");
  }

  @Test
  void verify_editedRecord_namesIt() throws Exception {
    store().append(deployments(0, 6));

    tamper(3, line -> line.replace("\"at\":\"2026", "\"at\":\"2027"));

    LedgerVerification verification = store().verify();
    assertThat(verification.firstBrokenLine()).hasValue(3);
    assertThat(verification.problems().get(0).message()).contains("line 3 was changed after line 4");
  }

  @Test
  void append_fourThreadsWithTheirOwnHandles_loseNothingAndKeepTheChain() throws Exception {
    int threads = 4;
    int each = appendsPerThread();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          try (LedgerStore writer = LedgerStore.open(anotherWriter(thread))) {
            for (int i = 0; i < each; i++) {
              writer.append(Records.deployment((thread + 1) * 1000 + i));
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    LedgerContents contents = store().read();
    assertThat(contents.problems()).isEmpty();
    assertThat(contents.ledger().recordsOf(Deployment.class)).hasSize(threads * each)
        .extracting(Deployment::revision).doesNotHaveDuplicates();
    assertThat(store().verify().isIntact()).isTrue();
  }

  @Test
  void append_manyThreadsThroughOneHandle_loseNothing() throws Exception {
    LedgerStore store = store();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> IntStream.range(0, 10).forEach(i -> store.append(Records.deployment(thread * 100 + i)))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(store.read().lines()).hasSize(40);
    assertThat(store.verify().isIntact()).isTrue();
  }
}
