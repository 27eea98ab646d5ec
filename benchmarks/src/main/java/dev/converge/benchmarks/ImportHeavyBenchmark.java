package dev.converge.benchmarks;

import dev.converge.model.DesiredState;
import dev.converge.plan.RolloutPlan;
import dev.converge.RolloutPlanner;
import dev.converge.yaml.AtmosRepository;
import dev.converge.yaml.AtmosSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * The import-heavy shape large Atmos users have ({@link ImportHeavyEstate}: every stack imports a
 * stage mixin, a region mixin and 50 catalog files, each defining an abstract base and a component
 * inheriting it; 50 components per stack), loaded (whole, and as {@code converge plan} loads it),
 * planned, and parsed by snakeyaml-engine alone ({@link #parseFloor()}, one thread) for the ratio. {@link #plan()} plans the snapshot loaded once
 * in the set-up, with an empty ledger at a fixed instant.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ImportHeavyBenchmark -prof gc
 * java -jar benchmarks/target/benchmarks.jar ImportHeavyBenchmark -p stacks=4000 -jvmArgsAppend -Xmx8g
 * </pre>
 *
 * The whole process as CI starts it (`converge plan`, `converge affected`) is measured by
 * {@code benchmarks/whole-process.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 4)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xmx6g"})
public class ImportHeavyBenchmark {

  @Param({"1000"})
  public int stacks;

  private Path root;
  private AtmosSnapshot loaded;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    root = Files.createTempDirectory("converge-import-heavy-bench").resolve("estate");
    ImportHeavyEstate.generate(root, stacks);
    loaded = AtmosRepository.open(root).load();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    loaded = null;
    try (Stream<Path> walk = Files.walk(root.getParent())) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public AtmosSnapshot load() {
    return AtmosRepository.open(root).load();
  }

  /** The load as {@code converge plan} makes it: abstract bases outlined, no describe maps. */
  @Benchmark
  public AtmosSnapshot loadAsPlanned() {
    return AtmosRepository.builder(root).outlineAbstractBases(true).describeMaps(false).build().load();
  }

  @Benchmark
  public RolloutPlan plan() {
    DesiredState desired = loaded.desiredState();
    return RolloutPlanner.of(loaded.pipeline().orElseThrow()).at(Instant.parse("2026-12-01T00:00:00Z")).plan(desired);
  }

  @Benchmark
  public String parseFloor() throws IOException {
    return ParseFloor.parse(root.resolve("stacks"));
  }
}
