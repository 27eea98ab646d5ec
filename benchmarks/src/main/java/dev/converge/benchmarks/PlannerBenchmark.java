package dev.converge.benchmarks;

import dev.converge.RolloutPlanner;
import dev.converge.plan.RolloutPlan;
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
 * One {@code RolloutPlanner.plan()} over a large estate: {@code stacks} stacks of 50 components
 * (200, 1,000 and 4,000 stacks: 10k, 50k and 200k instances), a three-environment pipeline, and a
 * ledger of four records per instance (200,000 at 50k instances).
 *
 * <p>Run it with:
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar PlannerBenchmark -prof gc
 * </pre>
 *
 * {@code -prof gc} adds {@code gc.alloc.rate.norm}: bytes allocated per plan, the memory figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class PlannerBenchmark {

  @Param({"200", "1000", "4000"})
  int stacks;

  private RolloutPlanner planner;
  private LargeEstate estate;

  @Setup
  public void setUp() {
    estate = new LargeEstate(stacks, 50);
    planner = RolloutPlanner.of(estate.pipeline).withLedger(estate.ledger).at(LargeEstate.NOW);
  }

  @Benchmark
  public RolloutPlan plan() {
    return planner.plan(estate.desired);
  }
}
