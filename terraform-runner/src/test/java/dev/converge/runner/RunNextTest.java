package dev.converge.runner;

import static dev.converge.runner.Fixtures.desired;
import static dev.converge.runner.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.RolloutPlanner;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Drift;
import dev.converge.ledger.Hold;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.Action;
import dev.converge.runner.ledger.LedgerFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner with the real planner and a ledger file: run, record, plan again. */
class RunNextTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @TempDir
  Path dir;

  private final ScriptedExecutor executor = new ScriptedExecutor();
  private final RecordingListener listener = new RecordingListener();
  private final RolloutPlanner planner = RolloutPlanner.of(Pipeline.builder()
      .addEnvironment(Environment.builder().name("dev").addStackGlobs("dev/*").build())
      .addEnvironment(Environment.builder().name("prod").addAfter("dev").addStackGlobs("prod/*").build())
      .build());
  private LedgerFile ledger;
  private DesiredState desired;
  private TerraformRunner runner;

  @BeforeEach
  void setUp() throws IOException {
    Path components = Files.createDirectories(dir.resolve("components"));
    Files.createDirectories(components.resolve("vpc"));
    ledger = LedgerFile.at(dir.resolve("ledger.jsonl"));
    Instance dev = instance("dev/us-east-1", "vpc").build();
    Instance prod = instance("prod/us-east-1", "vpc").build();
    desired = desired(dev, prod);
    runner = new TerraformRunner(RunnerOptions.builder().componentsBasePath(components).hostEnvironment(Map.of())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).actor("ci").build(), executor, (i, s, e, t) -> {});
  }

  @Test
  void runNext_firstEnvironment_appliesAndAppendsToTheLedgerFile() {
    RunReport report = runner.runNext(planner, desired, "dev", ledger, listener);

    assertThat(report.results()).extracting(r -> r.action().stack()).containsExactly("dev/us-east-1");
    assertThat(ledger.load().records()).singleElement().isInstanceOfSatisfying(Deployment.class, d -> {
      assertThat(d.outcome()).isEqualTo(Outcome.SUCCESS);
      assertThat(d.instance().stack()).isEqualTo("dev/us-east-1");
    });
  }

  @Test
  void runNext_repeatedEnvironmentByEnvironment_converges() {
    runner.runNext(planner, desired, "dev", ledger, listener);
    runner.runNext(planner, desired, "prod", ledger, listener);

    RunReport third = runner.runNext(planner, desired, "dev", ledger, listener);

    assertThat(third.results()).isEmpty();
    assertThat(planner.withLedger(ledger.load()).at(NOW).plan(desired).isConverged()).isTrue();
    assertThat(ledger.verify().isIntact()).isTrue();
  }

  @Test
  void checkDrift_afterDeploying_appendsDriftRecordsToTheLedgerFile() {
    runner.runNext(planner, desired, "dev", ledger, listener);
    executor.answer("show", dev.converge.runner.internal.process.Completion.exited(0,
        "{\"resource_changes\":[{\"change\":{\"actions\":[\"update\"]}}]}", ""));

    RunReport report = runner.checkDrift(planner, desired, "dev", ledger, listener);

    assertThat(report.records()).singleElement().isInstanceOf(Drift.class);
    assertThat(ledger.load().recordsOf(Drift.class)).singleElement()
        .satisfies(d -> assertThat(d.changes()).isEqualTo(1));
  }

  @Test
  void runNext_unknownEnvironment_failsNamingIt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.runNext(planner, desired, "stagin", ledger, listener))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("environment (stagin) is not in the plan, whose environments are [dev, prod]");
  }

  @Test
  void runNext_holdRecordedBetweenPlanAndApply_refusesTheAction() {
    RunListener holdAfterPlanning = new RunListener() {
      @Override
      public void planned(Action action, PlanSummary summary) {
        ledger.append(Hold.builder().at(NOW).environment("dev").reason("incident 42").build());
      }
    };

    RunReport report = runner.runNext(planner, desired, "dev", ledger, holdAfterPlanning);

    assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(ActionStatus.REFUSED));
    assertThat(executor.argLists()).extracting(args -> args.get(1)).doesNotContain("apply");
    assertThat(ledger.load().recordsOf(Deployment.class)).isEmpty();
  }
}
