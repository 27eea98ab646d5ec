package dev.converge.testkit;

import dev.converge.ledger.Approval;
import dev.converge.ledger.BadRevision;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Hold;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.ledger.Release;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.DeploymentWindow;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Freeze;
import dev.converge.pipeline.Pipeline;
import dev.converge.pipeline.StackGlob;
import dev.converge.pipeline.StackWave;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeded generators of planning inputs: pipelines (chains and fan-outs with checks, soaks,
 * approvals, windows, freezes, {@code max_parallel} and stack waves), estates (stacks of
 * components with {@code depends_on} DAGs), and ledgers (earlier revisions deployed, failures,
 * checks, approvals, holds, bad marks).
 *
 * <p>The same seed gives the same scenario, always: the generator owns its {@link SplittableRandom}
 * and reads nothing else. Use {@link #cases(long, int)} as a JUnit {@code @MethodSource}, with the
 * seed in the display name.
 *
 * <pre>
 * static Stream&lt;Scenario&gt; scenarios() {
 *   return ScenarioGenerator.cases(42, 200);
 * }
 *
 * &#64;ParameterizedTest(name = "{0}")
 * &#64;MethodSource("scenarios")
 * void plan_nextIsNeverBehindAClosedGate(Scenario scenario) { ... }
 * </pre>
 */
public final class ScenarioGenerator {

  /** The instant generated scenarios plan at: a Thursday morning, inside the usual windows. */
  public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-south-1"};
  private static final String[] CHECKS = {"smoke", "integration", "performance"};
  private static final Duration[] SOAKS = {Duration.ZERO, Duration.ZERO, Duration.ofMinutes(10),
      Duration.ofMinutes(30), Duration.ofHours(2)};

  private final long seed;
  private final SplittableRandom random;
  private final boolean convergent;
  private final int maxComponents;

  private ScenarioGenerator(long seed, boolean convergent, int maxComponents) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.convergent = convergent;
    this.maxComponents = maxComponents;
  }

  /** A generator for {@code seed}, generating every kind of ledger, including ones that cannot converge. */
  public static ScenarioGenerator withSeed(long seed) {
    return new ScenarioGenerator(seed, false, 8);
  }

  /**
   * A copy that only generates scenarios an operator can drive to convergence by deploying,
   * passing checks, approving and waiting: no hold left in force, the planned revision not bad.
   */
  public ScenarioGenerator convergent() {
    return new ScenarioGenerator(seed, true, maxComponents);
  }

  /** A copy generating at most {@code count} components per stack. */
  public ScenarioGenerator maxComponents(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("maxComponents (" + count + ") must be positive");
    }
    return new ScenarioGenerator(seed, convergent, count);
  }

  /** {@code count} scenarios with seeds derived from {@code baseSeed}, for a {@code @MethodSource}. */
  public static Stream<Scenario> cases(long baseSeed, int count) {
    return LongStream.range(0, count).mapToObj(i -> withSeed(baseSeed * 1_000_003L + i).scenario());
  }

  /** Like {@link #cases(long, int)}, but every scenario is {@link #convergent()}. */
  public static Stream<Scenario> convergentCases(long baseSeed, int count) {
    return LongStream.range(0, count).mapToObj(i -> withSeed(baseSeed * 1_000_003L + i).convergent().scenario());
  }

  /** One scenario. */
  public Scenario scenario() {
    return scenario(pipeline());
  }

  /**
   * One scenario over {@code pipeline}, yours for instance (read from your {@code rollout.yaml}):
   * the estate's stacks are named {@code <environment>/<region>} ({@code prod/us-east-1}), so
   * they match stack globs such as {@code prod/*}.
   */
  public Scenario scenario(Pipeline pipeline) {
    int revisions = 2 + random.nextInt(3);
    List<String> history = new ArrayList<>();
    for (int r = revisions; r >= 1; r--) {
      history.add(String.format("r%d%06x", r, Math.floorMod(seed * 31 + r, 0xffffff)));
    }
    Instant landed = NOW.minus(Duration.ofMinutes(random.nextInt(600)));
    DesiredState desired = DesiredState.builder()
        .revision(Revision.of(history.get(0), landed))
        .addAllInstances(estate(pipeline, 0))
        .addAllHistory(history)
        .build();
    return new Scenario(seed, pipeline, desired, ledger(pipeline, desired, history), NOW);
  }

  /** A pipeline: a chain or a fan-out DAG of one to five environments. */
  public Pipeline pipeline() {
    int count = 1 + random.nextInt(5);
    boolean chain = random.nextBoolean();
    Pipeline.Builder pipeline = Pipeline.builder();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "e" + i;
      Environment.Builder env = Environment.builder().name(name).addStack(StackGlob.of(name + "/*"));
      if (i > 0) {
        if (chain) {
          env.addAfter(names.get(i - 1));
        } else {
          List<String> ups = new ArrayList<>();
          for (String candidate : names) {
            if (random.nextInt(3) == 0) {
              ups.add(candidate);
            }
          }
          if (ups.isEmpty()) {
            ups.add(names.get(random.nextInt(names.size())));
          }
          env.addAllAfter(ups);
        }
      }
      for (String check : CHECKS) {
        if (random.nextInt(3) == 0) {
          env.addCheck(check);
        }
      }
      env.soak(SOAKS[random.nextInt(SOAKS.length)]);
      env.approvals(random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
      if (random.nextInt(5) == 0) {
        env.addWindow(DeploymentWindow.parse(random.nextBoolean() ? "Mon-Thu 09:00-16:00 UTC" : "Fri-Sun 22:00-03:00 Europe/Berlin"));
      }
      if (random.nextInt(8) == 0) {
        Instant from = NOW.minus(Duration.ofHours(random.nextInt(48)));
        env.addFreeze(Freeze.of(from, from.plus(Duration.ofHours(1 + random.nextInt(96))), "generated freeze"));
      }
      if (random.nextInt(3) == 0) {
        env.maxParallel(1 + random.nextInt(4));
      }
      if (random.nextInt(4) == 0) {
        env.addWave(StackWave.of(name + "/" + REGIONS[0]));
        env.addWave(StackWave.of(name + "/*"));
      }
      pipeline.addEnvironment(env.build());
      names.add(name);
    }
    return pipeline.build();
  }

  /**
   * The instances of every environment: one to three stacks ({@code <env>/<region>}), each with
   * one to {@code maxComponents} components whose {@code depends_on} points only at
   * lower-numbered components, so the graph is a DAG.
   */
  public List<Instance> estate(Pipeline pipeline, int version) {
    List<Instance> instances = new ArrayList<>();
    int components = 1 + random.nextInt(maxComponents);
    List<List<Integer>> dependencies = new ArrayList<>();
    for (int c = 0; c < components; c++) {
      List<Integer> deps = new ArrayList<>();
      for (int d = 0; d < c; d++) {
        if (random.nextInt(4) == 0) {
          deps.add(d);
        }
      }
      dependencies.add(deps);
    }
    for (Environment environment : pipeline.environments()) {
      int stacks = 1 + random.nextInt(REGIONS.length);
      for (int s = 0; s < stacks; s++) {
        String stack = environment.name() + "/" + REGIONS[s];
        for (int c = 0; c < components; c++) {
          if (random.nextInt(10) == 0) {
            continue;
          }
          Instance.Builder instance = Instance.builder()
              .id(InstanceId.of(stack, "c" + c))
              .folder("c" + c)
              .sourceDigest("src-c" + c + "-v" + version)
              .configDigest("cfg-" + stack + "-c" + c);
          for (int d : dependencies.get(c)) {
            instance.addDependsOn(InstanceId.of(stack, "c" + d));
          }
          instances.add(instance.build());
        }
      }
    }
    return instances;
  }

  /**
   * A ledger for {@code desired}: each instance deployed at an older revision with older digests,
   * already at the desired ones, or never; instances deployed and since removed; and around them
   * checks, approvals, failures, holds and bad marks. Every record has its own instant, before
   * {@code NOW}, so the newest record is never ambiguous.
   */
  public Ledger ledger(Pipeline pipeline, DesiredState desired, List<String> history) {
    List<LedgerRecord> records = new ArrayList<>();
    Instant[] clock = {NOW.minus(Duration.ofDays(2))};
    String planned = desired.revision().id();
    String older = history.get(1 + random.nextInt(history.size() - 1));
    for (Instance instance : desired.instances()) {
      int roll = random.nextInt(10);
      if (roll < 5) {
        records.add(deployment(instance, older, "src-old", tick(clock), Outcome.SUCCESS));
      } else if (roll < 7) {
        records.add(deployment(instance, older, instance.sourceDigest(), tick(clock), Outcome.SUCCESS));
      } else if (roll < 8) {
        records.add(deployment(instance, planned, instance.sourceDigest(), tick(clock), Outcome.SUCCESS));
      }
      if (random.nextInt(100) == 0) {
        records.add(deployment(instance, planned, instance.sourceDigest(), tick(clock), Outcome.FAILURE));
      }
    }
    if (random.nextInt(4) == 0 && !desired.instances().isEmpty()) {
      Instance template = desired.instances().get(random.nextInt(desired.instances().size()));
      Instance removed = template.withId(InstanceId.of(template.stack(), "removed"));
      records.add(deployment(removed, older, "src-removed", tick(clock), Outcome.SUCCESS));
    }
    for (Environment environment : pipeline.environments()) {
      for (String check : environment.checks()) {
        int roll = random.nextInt(6);
        if (roll == 0) {
          records.add(CheckResult.builder().at(tick(clock)).environment(environment.name()).revision(planned)
              .check(check).outcome(Outcome.SUCCESS).build());
        } else if (roll == 1) {
          records.add(CheckResult.builder().at(tick(clock)).environment(environment.name()).revision(planned)
              .check(check).outcome(Outcome.FAILURE).build());
        } else if (roll == 2) {
          records.add(CheckResult.builder().at(tick(clock)).environment(environment.name()).revision(older)
              .check(check).outcome(Outcome.SUCCESS).build());
        }
      }
      if (environment.approvals() > 0 && random.nextBoolean()) {
        records.add(Approval.builder().at(tick(clock)).environment(environment.name())
            .revision(random.nextBoolean() ? planned : older).approver("alice").build());
      }
      if (random.nextInt(8) == 0) {
        records.add(Hold.builder().at(tick(clock)).environment(environment.name()).reason("generated hold").build());
        if (convergent || random.nextBoolean()) {
          records.add(Release.builder().at(tick(clock)).environment(environment.name()).build());
        }
      }
    }
    if (random.nextInt(10) == 0) {
      String revision = convergent ? older : history.get(random.nextInt(history.size()));
      records.add(BadRevision.builder().at(tick(clock)).revision(revision).reason("generated bad mark").build());
    }
    shuffleWritingOrder(records);
    return Ledger.of(records);
  }

  private Deployment deployment(Instance instance, String revision, String source, Instant at, Outcome outcome) {
    return Deployment.builder()
        .at(at)
        .instance(instance.id())
        .folder(instance.folder())
        .revision(revision)
        .sourceDigest(source)
        .configDigest(instance.configDigest())
        .outcome(outcome)
        .actor("generator")
        .build();
  }

  private Instant tick(Instant[] clock) {
    clock[0] = clock[0].plusSeconds(1 + random.nextInt(600));
    return clock[0];
  }

  /** Writing order is not time order in real ledgers (hand edits, merged files): shuffle a little. */
  private void shuffleWritingOrder(List<LedgerRecord> records) {
    java.util.Collections.shuffle(records, new Random(random.nextLong()));
  }

  public long seed() {
    return seed;
  }
}
