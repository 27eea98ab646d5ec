package dev.converge.forecast;

import static dev.converge.testing.TestData.ABC;
import static dev.converge.testing.TestData.OLD;
import static dev.converge.testing.TestData.T0;
import static dev.converge.testing.TestData.deployed;
import static dev.converge.testing.TestData.desired;
import static dev.converge.testing.TestData.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.RolloutPlanner;
import dev.converge.ledger.Approval;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Hold;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.pipeline.DeploymentWindow;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Freeze;
import dev.converge.pipeline.Pipeline;
import dev.converge.pipeline.StackWave;
import dev.converge.plan.RolloutPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand examples of the forecast: each gate that time or a person opens, durations, and the edges. */
class ForecastTest {

  static final Duration TEN = Forecaster.DEFAULT_DURATION;

  static Environment.Builder env(String name, String... after) {
    return Environment.builder().name(name).addStackGlobs(name + "/*").addAfter(after);
  }

  static Pipeline pipeline(Environment.Builder... environments) {
    Pipeline.Builder pipeline = Pipeline.builder();
    for (Environment.Builder e : environments) {
      pipeline.addEnvironment(e.build());
    }
    return pipeline.build();
  }

  /** {@code component} in each stack, wanted at version 2 and deployed at version 1 (an update each). */
  static Scenario updates(String component, String... stacks) {
    List<Instance> wanted = new ArrayList<>();
    List<LedgerRecord> ledger = new ArrayList<>();
    for (String stack : stacks) {
      wanted.add(instance(stack, component));
      ledger.add(deployed(instance(stack, component, component, "1"), OLD, T0.minus(Duration.ofDays(1))));
    }
    return new Scenario(desired(wanted), ledger);
  }

  record Scenario(DesiredState desired, List<LedgerRecord> records) {
    Forecast forecast(Pipeline pipeline, Instant now, LedgerRecord... more) {
      List<LedgerRecord> all = new ArrayList<>(records);
      all.addAll(List.of(more));
      return Forecaster.of(pipeline).withLedger(Ledger.of(all)).at(now).forecast(desired);
    }
  }

  static WaveForecast wave(Forecast forecast, String environment, int index) {
    return forecast.environment(environment).orElseThrow().waves().get(index);
  }

  static Wait wait(WaitKind kind, Instant from, Instant until) {
    return Wait.builder().kind(kind).from(from).until(until).message("ignored").build();
  }

  static List<String> kindsAndSpans(List<Wait> waits) {
    return waits.stream().map(w -> w.kind().word() + " " + w.from() + " " + w.until().map(Object::toString).orElse("person"))
        .toList();
  }

  @Nested
  class Gates {

    @Test
    void forecast_soak_downstreamStartsWhenTheSoakEnds() {
      Pipeline pipeline = pipeline(env("dev"), env("staging", "dev").soak(Duration.ofMinutes(30)));

      Forecast forecast = updates("vpc", "dev/us-east-1", "staging/us-east-1").forecast(pipeline, T0);

      assertThat(wave(forecast, "dev", 0).startsAt()).isEqualTo(T0);
      assertThat(wave(forecast, "dev", 0).finishesAt()).isEqualTo(T0.plus(TEN));
      WaveForecast staging = wave(forecast, "staging", 0);
      assertThat(staging.startsAt()).isEqualTo(T0.plus(TEN).plus(Duration.ofMinutes(30)));
      assertThat(kindsAndSpans(staging.waits())).containsExactly(
          "upstream 2026-11-26T10:00:00Z 2026-11-26T10:10:00Z",
          "soak 2026-11-26T10:10:00Z 2026-11-26T10:40:00Z");
      assertThat(staging.waits().get(1).message()).isEqualTo("soak 30m after dev finished");
      assertThat(forecast.convergedAt()).hasValue(Instant.parse("2026-11-26T10:50:00Z"));
      assertThat(forecast.unresolved()).isEmpty();
    }

    @Test
    void forecast_windowClosedWhenUpstreamFinishes_waitsForTheNextOpening() {
      Pipeline pipeline = pipeline(env("dev"),
          env("prod", "dev").addWindow(DeploymentWindow.parse("Mon-Thu 09:00-16:00 UTC")));
      Instant thursdayLate = Instant.parse("2026-11-26T15:55:00Z");

      Forecast forecast = updates("vpc", "dev/us-east-1", "prod/us-east-1").forecast(pipeline, thursdayLate);

      WaveForecast prod = wave(forecast, "prod", 0);
      Instant monday = Instant.parse("2026-11-30T09:00:00Z");
      assertThat(prod.startsAt()).isEqualTo(monday);
      assertThat(kindsAndSpans(prod.waits())).containsExactly(
          "upstream 2026-11-26T15:55:00Z 2026-11-26T16:05:00Z",
          "window 2026-11-26T16:05:00Z 2026-11-30T09:00:00Z");
      assertThat(prod.waits().get(1).message()).isEqualTo("outside the deployment windows (Mon-Thu 09:00-16:00 UTC)");
    }

    @Test
    void forecast_freeze_startsWhenTheFreezeEnds() {
      Instant end = T0.plus(Duration.ofDays(1));
      Pipeline pipeline = pipeline(env("prod").addFreeze(Freeze.of(T0.minus(Duration.ofHours(1)), end, "audit")));

      Forecast forecast = updates("vpc", "prod/us-east-1").forecast(pipeline, T0);

      WaveForecast prod = wave(forecast, "prod", 0);
      assertThat(prod.startsAt()).isEqualTo(end);
      assertThat(kindsAndSpans(prod.waits())).containsExactly("freeze 2026-11-26T10:00:00Z 2026-11-27T10:00:00Z");
      assertThat(prod.waits().get(0).message()).isEqualTo("frozen: audit");
    }

    @Test
    void forecast_approval_marksAPersonWaitWithoutGuessingItsLength() {
      Pipeline pipeline = pipeline(env("dev"), env("prod", "dev").soak(Duration.ofHours(1)).approvals(1));

      Forecast forecast = updates("vpc", "dev/us-east-1", "prod/us-east-1").forecast(pipeline, T0);

      WaveForecast prod = wave(forecast, "prod", 0);
      Instant soaked = T0.plus(TEN).plus(Duration.ofHours(1));
      assertThat(prod.startsAt()).isEqualTo(soaked);
      assertThat(kindsAndSpans(prod.waits())).containsExactly(
          "upstream 2026-11-26T10:00:00Z 2026-11-26T10:10:00Z",
          "soak 2026-11-26T10:10:00Z 2026-11-26T11:10:00Z",
          "approval 2026-11-26T11:10:00Z person");
      Wait approval = prod.waits().get(2);
      assertThat(approval.onPerson()).isTrue();
      assertThat(approval.until()).isEmpty();
      assertThat(approval.message()).contains("waits on a person");
      assertThat(forecast.environment("prod").orElseThrow().assumesApproval()).isTrue();
      assertThat(forecast.environment("dev").orElseThrow().assumesApproval()).isFalse();
      assertThat(forecast.assumedEvents()).filteredOn(Approval.class::isInstance).singleElement()
          .extracting(LedgerRecord::at).isEqualTo(soaked);
      assertThat(forecast.assumptions()).anyMatch(a -> a.startsWith("approvals are given the moment"));
    }

    @Test
    void forecast_approvalAndClosedWindow_approvalNeededWhenTheWindowOpens() {
      Pipeline pipeline = pipeline(env("dev"),
          env("prod", "dev").approvals(1).addWindow(DeploymentWindow.parse("Mon-Thu 09:00-16:00 UTC")));

      Forecast forecast = updates("vpc", "dev/us-east-1", "prod/us-east-1")
          .forecast(pipeline, Instant.parse("2026-11-26T15:55:00Z"));

      assertThat(kindsAndSpans(wave(forecast, "prod", 0).waits())).containsExactly(
          "upstream 2026-11-26T15:55:00Z 2026-11-26T16:05:00Z",
          "window 2026-11-26T16:05:00Z 2026-11-30T09:00:00Z",
          "approval 2026-11-30T09:00:00Z person");
    }

    @Test
    void forecast_approvalAlreadyGiven_noPersonWait() {
      Pipeline pipeline = pipeline(env("prod").approvals(1));

      Forecast forecast = updates("vpc", "prod/us-east-1").forecast(pipeline, T0,
          Approval.builder().at(T0.minusSeconds(60)).environment("prod").revision(ABC).approver("alice").build());

      assertThat(wave(forecast, "prod", 0).waits()).isEmpty();
      assertThat(forecast.environment("prod").orElseThrow().assumesApproval()).isFalse();
    }

    @Test
    void forecast_upstreamChecks_assumedToPassWhenItFinishes() {
      Pipeline pipeline = pipeline(env("dev").addCheck("smoke"), env("staging", "dev"));

      Forecast forecast = updates("vpc", "dev/us-east-1", "staging/us-east-1").forecast(pipeline, T0);

      assertThat(forecast.assumedEvents()).filteredOn(CheckResult.class::isInstance).singleElement()
          .extracting(LedgerRecord::at).isEqualTo(T0.plus(TEN));
      assertThat(wave(forecast, "staging", 0).startsAt()).isEqualTo(T0.plus(TEN));
      assertThat(forecast.assumptions()).anyMatch(a -> a.startsWith("every check passes"));
    }
  }

  @Nested
  class Waves {

    @Test
    void forecast_stackWaves_secondStartsWhenTheFirstFinishes() {
      Pipeline pipeline = pipeline(env("prod").addWave(StackWave.of("prod/us-east-1")).addWave(StackWave.of("prod/*")));

      Forecast forecast = updates("vpc", "prod/us-east-1", "prod/eu-west-1").forecast(pipeline, T0);

      assertThat(forecast.environment("prod").orElseThrow().waves()).extracting(WaveForecast::wave, WaveForecast::startsAt)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(1, T0), org.assertj.core.groups.Tuple.tuple(2, T0.plus(TEN)));
      assertThat(wave(forecast, "prod", 1).instances()).containsExactly(InstanceId.of("prod/eu-west-1", "vpc"));
      assertThat(forecast.environment("prod").orElseThrow().finishesAt()).hasValue(T0.plus(TEN).plus(TEN));
    }

    @Test
    void forecast_maxParallel_runsTheWaveInBatches() {
      Pipeline pipeline = pipeline(env("prod").maxParallel(1));

      Forecast forecast = updates("vpc", "prod/us-east-1", "prod/eu-west-1").forecast(pipeline, T0);

      WaveForecast only = wave(forecast, "prod", 0);
      assertThat(only.instances()).hasSize(2);
      assertThat(only.startsAt()).isEqualTo(T0);
      assertThat(only.finishesAt()).isEqualTo(T0.plus(TEN).plus(TEN));
    }

    @Test
    void forecast_durationFromHistory_usedForTheEnvironment() {
      Pipeline pipeline = pipeline(env("dev"));
      Instant before = T0.minus(Duration.ofDays(1));

      Forecast forecast = updates("vpc", "dev/us-east-1").forecast(pipeline, T0,
          deployed(instance("dev/a", "x", "x", "1"), "r1", before),
          deployed(instance("dev/b", "x", "x", "1"), "r1", before.plus(Duration.ofMinutes(4))));

      assertThat(forecast.environment("dev").orElseThrow().duration()).isEqualTo(DurationEstimate.of(Duration.ofMinutes(4), 1));
      assertThat(wave(forecast, "dev", 0).finishesAt()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
    }
  }

  @Nested
  class Edges {

    @Test
    void forecast_alreadyConverged_convergedAtNow() {
      Instance vpc = instance("dev/us-east-1", "vpc");
      Forecast forecast = new Scenario(desired(vpc), List.of(deployed(vpc, ABC, T0.minusSeconds(60))))
          .forecast(pipeline(env("dev")), T0);

      assertThat(forecast.convergedAt()).hasValue(T0);
      assertThat(forecast.environments()).allMatch(e -> e.waves().isEmpty());
      assertThat(ForecastText.render(forecast)).contains("Converged already: nothing to deploy.");
    }

    @Test
    void forecast_hold_unresolvedNamesIt() {
      Forecast forecast = updates("vpc", "prod/us-east-1").forecast(pipeline(env("prod")), T0,
          Hold.builder().at(T0.minusSeconds(60)).environment("prod").reason("incident 42").build());

      assertThat(forecast.convergedAt()).isEmpty();
      assertThat(forecast.unresolved()).singleElement().asString().startsWith("prod: held").contains("incident 42");
      assertThat(forecast.environment("prod").orElseThrow().unresolved()).isPresent();
      assertThat(ForecastText.render(forecast)).contains("Convergence cannot be forecast");
    }

    @Test
    void forecast_bound_stopsAndSaysSo() {
      Pipeline pipeline = pipeline(env("dev"), env("staging", "dev"));

      Forecast forecast = Forecaster.of(pipeline)
          .withLedger(Ledger.of(updates("vpc", "dev/us-east-1", "staging/us-east-1").records()))
          .withMaxPlans(2).at(T0).forecast(updates("vpc", "dev/us-east-1", "staging/us-east-1").desired());

      assertThat(forecast.convergedAt()).isEmpty();
      assertThat(forecast.plans()).isEqualTo(2);
      assertThat(forecast.unresolved()).singleElement().asString().startsWith("stopped after 2 plans");
      assertThat(forecast.environments()).allSatisfy(e -> assertThat(e.finishesAt()).isEmpty());
      assertThat(forecast.environment("dev").orElseThrow().unresolved()).hasValueSatisfying(u ->
          assertThat(u).startsWith("dev: not forecast past 2026-11-26T10:10:00Z"));
    }

    @Test
    void forecaster_withoutInstant_failsNamingIt() {
      assertThatThrownBy(() -> Forecaster.of(pipeline(env("dev"))).forecast(desired()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("at(Instant)");
      assertThatThrownBy(() -> Forecaster.of(pipeline(env("dev"))).withDefaultDuration(Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
    }

    @Test
    void forecast_replayed_plannerAgreesAtEveryWaveStart() {
      Pipeline pipeline = pipeline(env("dev").addCheck("smoke"), env("prod", "dev").soak(Duration.ofHours(1))
          .approvals(1).addWindow(DeploymentWindow.parse("Mon-Thu 09:00-16:00 UTC")));
      Scenario scenario = updates("vpc", "dev/us-east-1", "prod/us-east-1");
      Forecast forecast = scenario.forecast(pipeline, Instant.parse("2026-11-26T15:00:00Z"));

      for (EnvironmentForecast environment : forecast.environments()) {
        for (WaveForecast wave : environment.waves()) {
          List<LedgerRecord> replay = new ArrayList<>(scenario.records());
          forecast.assumedEvents().stream().filter(r -> !r.at().isAfter(wave.startsAt())).forEach(replay::add);
          RolloutPlan plan = RolloutPlanner.of(pipeline).withLedger(Ledger.of(replay)).at(wave.startsAt())
              .plan(scenario.desired());
          assertThat(plan.next()).extracting(a -> a.instance()).containsAnyElementsOf(wave.instances());
        }
      }
      assertThat(wave(forecast, "prod", 0).startsAt()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    }
  }

  @Nested
  class Durations {

    @Test
    void from_recentRuns_medianStep() {
      Pipeline pipeline = pipeline(env("dev"));
      Instant t = T0.minus(Duration.ofDays(10));
      Ledger ledger = Ledger.of(
          deployed(instance("dev/a", "x"), "r1", t), deployed(instance("dev/b", "x"), "r1", t.plusSeconds(120)),
          deployed(instance("dev/a", "x"), "r2", t.plusSeconds(1000)),
          deployed(instance("dev/b", "x"), "r2", t.plusSeconds(1000 + 600)),
          deployed(instance("dev/c", "x"), "r2", t.plusSeconds(1000 + 1200)),
          deployed(instance("dev/a", "x"), "r3", t.plusSeconds(5000)),
          deployed(instance("dev/b", "x"), "r3", t.plusSeconds(5000 + 240)),
          deployed(instance("dev/a", "x"), "r4", t.plusSeconds(9000)),
          deployed(instance("prod/a", "x"), "r4", t.plusSeconds(9000 + 60)));

      DurationEstimate estimate = DurationEstimate.from(ledger, pipeline(env("dev"), env("prod")), "dev", TEN);

      assertThat(estimate).isEqualTo(DurationEstimate.of(Duration.ofMinutes(4), 3));
      assertThat(estimate.describe()).isEqualTo("4m (median of 3 recent runs)");
      assertThat(DurationEstimate.from(ledger, pipeline, "nowhere", TEN).describe()).isEqualTo("10m (default: no history)");
    }
  }
}
