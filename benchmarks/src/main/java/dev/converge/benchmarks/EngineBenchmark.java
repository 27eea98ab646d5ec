package dev.converge.benchmarks;

import dev.converge.affected.Affected;
import dev.converge.affected.AffectedReport;
import dev.converge.convergence.Convergence;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.diagnostic.Problem;
import dev.converge.lint.Linter;
import dev.converge.model.DesiredState;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code converge status}, {@code lint} and {@code affected} over the planner benchmark's large
 * estate ({@code stacks} stacks of 50 components: 10k, 50k and 200k instances). Affected compares
 * the estate with a copy in which every instance's source digest changed.
 *
 * <p>Run it with:
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EngineBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class EngineBenchmark {

  @Param({"200", "1000", "4000"})
  int stacks;

  private LargeEstate estate;
  private Convergence convergence;
  private Linter linter;
  private Affected affected;
  private DesiredState changed;

  @Setup
  public void setUp() {
    estate = new LargeEstate(stacks, 50);
    convergence = Convergence.of(estate.pipeline).withLedger(estate.ledger).at(LargeEstate.NOW);
    linter = Linter.of(estate.pipeline).at(LargeEstate.NOW);
    affected = Affected.of(estate.pipeline);
    changed = estate.desired.withInstances(estate.desired.instances().stream()
        .map(i -> i.withSourceDigest(i.sourceDigest() + "-changed")).toList());
  }

  @Benchmark
  public ConvergenceReport status() {
    return convergence.report(estate.desired);
  }

  @Benchmark
  public List<Problem> lint() {
    return linter.lint(estate.desired);
  }

  @Benchmark
  public AffectedReport affected() {
    return affected.between(estate.desired, changed, List.of());
  }
}
