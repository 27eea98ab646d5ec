package dev.converge.benchmarks;

import dev.converge.ledger.Deployment;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.model.InstanceId;
import dev.converge.runner.ledger.LedgerContents;
import dev.converge.runner.ledger.LedgerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full read ({@code LedgerStore.read()}: every record parsed, in one pass) of a ledger of
 * {@code records} deployment records in each store: a file, a git repository ({@code git:DIR},
 * the segments of {@code refs/converge/ledger}), and a PostgreSQL table when
 * {@code CONVERGE_BENCH_POSTGRES} names a server (a JDBC URL, as for the tests'
 * {@code CONVERGE_TEST_POSTGRES}); without it the {@code postgres} case is not run.
 *
 * <p>Run it with:
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * CONVERGE_BENCH_POSTGRES='jdbc:postgresql://localhost/converge_test?user=converge_test&amp;password=converge_test' \
 *   java -jar benchmarks/target/benchmarks.jar LedgerReadBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class LedgerReadBenchmark {

  @Param({"200000"})
  int records;

  @Param({"file", "git", "postgres"})
  String store;

  private Path dir;
  private LedgerStore ledger;
  private String table;

  @Setup
  public void fill() throws IOException {
    dir = Files.createTempDirectory("ledger-bench");
    String location = switch (store) {
      case "file" -> dir.resolve("ledger.jsonl").toString();
      case "git" -> "git:" + dir.resolve("ledger.git");
      case "postgres" -> {
        String url = System.getenv("CONVERGE_BENCH_POSTGRES");
        if (url == null || url.isBlank()) {
          throw new IllegalStateException("set CONVERGE_BENCH_POSTGRES to a PostgreSQL JDBC URL to run this case");
        }
        table = "ledger_bench_" + ProcessHandle.current().pid();
        yield url + (url.contains("?") ? "&" : "?") + "table=" + table;
      }
      default -> throw new IllegalArgumentException("store (" + store + ") must be file, git or postgres");
    };
    ledger = LedgerStore.open(location);
    int batch = 10_000;
    for (int from = 0; from < records; from += batch) {
      List<LedgerRecord> some = new ArrayList<>(batch);
      for (int i = from; i < Math.min(records, from + batch); i++) {
        some.add(deployment(i));
      }
      ledger.append(some);
    }
    if (ledger.read().lines().size() != records) {
      throw new IllegalStateException("the ledger does not hold " + records + " records");
    }
  }

  static Deployment deployment(int n) {
    return Deployment.builder()
        .at(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n))
        .instance(InstanceId.of("prod/stack-" + (n % 1000), "component-" + (n % 50)))
        .folder("component-" + (n % 50))
        .revision(String.format("%040x", n))
        .sourceDigest(String.format("%040x", n * 31L))
        .configDigest(String.format("%064x", n * 17L))
        .outcome(Outcome.SUCCESS)
        .actor("ci")
        .build();
  }

  @Benchmark
  public LedgerContents read() {
    return ledger.read();
  }

  @TearDown
  public void drop() throws Exception {
    if (table != null) {
      try (var c = java.sql.DriverManager.getConnection(System.getenv("CONVERGE_BENCH_POSTGRES"));
          var s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + table);
        s.execute("DELETE FROM converge_schema WHERE ledger_table = '" + table + "'");
      }
    }
    ledger.close();
  }
}
