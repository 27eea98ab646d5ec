package dev.converge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.RolloutPlanner;
import dev.converge.forecast.EnvironmentForecast;
import dev.converge.forecast.Forecast;
import dev.converge.forecast.Forecaster;
import dev.converge.forecast.Wait;
import dev.converge.forecast.WaitKind;
import dev.converge.forecast.WaveForecast;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.model.Instance;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.Action;
import dev.converge.plan.GateState;
import dev.converge.plan.RolloutPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the forecast over generated pipelines, estates and ledgers, 150 seeded cases each
 * (the seed in each case's name). A failing case is generated again at smaller sizes and the
 * smallest failing one is shrunk and reported with its seed (see {@link PropertyCheck}).
 */
class ForecastProperties {

  static final int CASES = 150;
  static final int MAX_COMPONENTS = 8;

  static Stream<Long> seeds() {
    return LongStream.range(0, CASES).mapToObj(i -> 20261203L * 1_000_003L + i);
  }

  static Stream<Long> convergentSeeds() {
    return LongStream.range(0, CASES).mapToObj(i -> 20261204L * 1_000_003L + i);
  }

  static void holds(long seed, boolean convergent, Consumer<Scenario> property) {
    PropertyCheck.holds(size -> {
      ScenarioGenerator generator = ScenarioGenerator.withSeed(seed).maxComponents(size);
      return (convergent ? generator.convergent() : generator).scenario();
    }, MAX_COMPONENTS, property);
  }

  static Forecast forecast(Scenario s) {
    return Forecaster.of(s.pipeline()).withLedger(s.ledger()).at(s.now()).forecast(s.desired());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void forecast_neverStartsAnEnvironmentBeforeItsUpstreamFinishes(long seed) {
    holds(seed, false, s -> {
      Forecast forecast = forecast(s);
      for (EnvironmentForecast environment : forecast.environments()) {
        for (String upstream : upstreamOf(s.pipeline(), environment.name())) {
          forecast.environment(upstream).orElseThrow().finishesAt().ifPresent(finished -> {
            for (WaveForecast wave : environment.waves()) {
              assertThat(wave.startsAt()).as("%s wave %d starts before %s, upstream of it, finishes",
                  environment.name(), wave.wave(), upstream).isAfterOrEqualTo(finished);
            }
          });
          if (forecast.environment(upstream).orElseThrow().unresolved().isPresent()) {
            assertThat(environment.finishesAt()).as("%s finishes though %s, upstream, cannot", environment.name(),
                upstream).isEmpty();
          }
        }
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void forecast_neverStartsInsideAFreezeOrOutsideAWindow(long seed) {
    holds(seed, false, s -> {
      Forecast forecast = forecast(s);
      for (EnvironmentForecast environment : forecast.environments()) {
        Environment configured = s.pipeline().environment(environment.name()).orElseThrow();
        for (WaveForecast wave : environment.waves()) {
          assertThat(configured.freezeAt(wave.startsAt())).as("%s wave %d at %s", environment.name(), wave.wave(),
              wave.startsAt()).isEmpty();
          assertThat(configured.inWindow(wave.startsAt())).as("%s wave %d at %s in a window", environment.name(),
              wave.wave(), wave.startsAt()).isTrue();
        }
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void forecast_replayedWithTheAssumedEvents_plannerAgreesWithEveryInstant(long seed) {
    holds(seed, false, s -> {
      Forecast forecast = forecast(s);
      for (EnvironmentForecast environment : forecast.environments()) {
        for (WaveForecast wave : environment.waves()) {
          RolloutPlan plan = replay(s, forecast, wave.startsAt());
          assertThat(plan.environment(environment.name()).orElseThrow().gate().state())
              .as("%s gate at %s, when wave %d is forecast to start", environment.name(), wave.startsAt(), wave.wave())
              .isEqualTo(GateState.OPEN);
          assertThat(plan.next()).extracting(Action::instance)
              .as("next at %s holds wave %d of %s", wave.startsAt(), wave.wave(), environment.name())
              .containsAnyElementsOf(wave.instances());
          for (Wait wait : wave.waits()) {
            assertThat(wait.from()).isAfterOrEqualTo(forecast.at());
            wait.until().ifPresent(until -> assertThat(until).isAfter(wait.from()).isBeforeOrEqualTo(wave.startsAt()));
            if (!wait.onPerson()) {
              GateState state = replay(s, forecast, wait.from()).environment(environment.name()).orElseThrow()
                  .gate().state();
              assertThat(state).as("%s gate at %s, when a %s wait is forecast to begin", environment.name(),
                  wait.from(), wait.kind().word()).isIn(closedStates(wait.kind()));
            }
          }
        }
        environment.finishesAt().ifPresent(finished -> assertThat(replay(s, forecast, finished)
            .environment(environment.name()).orElseThrow().changes())
            .as("%s has nothing left at %s, when it is forecast to finish", environment.name(), finished).isEmpty());
      }
      forecast.convergedAt().ifPresent(at -> assertThat(replay(s, forecast, at).isConverged())
          .as("converged at %s", at).isTrue());
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("convergentSeeds")
  void forecast_convergentScenario_reachesConvergenceWithinTheBound(long seed) {
    holds(seed, true, s -> {
      Forecast forecast = forecast(s);
      assertThat(forecast.unresolved()).as("unresolved").isEmpty();
      assertThat(forecast.convergedAt()).isPresent();
      assertThat(forecast.convergedAt().get()).isAfterOrEqualTo(s.now());
      assertThat(forecast(s)).as("the same inputs give an equal forecast").isEqualTo(forecast);
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void forecast_permutedInputs_equalForecast(long seed) {
    holds(seed, false, s -> {
      Random random = new Random(s.seed());
      List<Instance> instances = new ArrayList<>(s.desired().instances());
      Collections.shuffle(instances, random);
      List<LedgerRecord> records = new ArrayList<>(s.ledger().records());
      Collections.shuffle(records, random);
      Scenario permuted = new Scenario(s.seed(), s.pipeline(), s.desired().withInstances(instances),
          Ledger.of(records), s.now());

      assertThat(forecast(permuted)).isEqualTo(forecast(s));
    });
  }

  /**
   * The gate states a wait of {@code kind} may show: its own, or awaiting approval, because while
   * approvals are short the forecast reports the gate as it would be with them (outside a window,
   * say): the approval is not due until nothing else keeps the gate closed.
   */
  static List<GateState> closedStates(WaitKind kind) {
    GateState own = switch (kind) {
      case UPSTREAM -> GateState.WAITING_UPSTREAM;
      case SOAK -> GateState.SOAKING;
      case FREEZE -> GateState.FROZEN;
      case WINDOW -> GateState.OUTSIDE_WINDOW;
      case APPROVAL -> GateState.AWAITING_APPROVAL;
    };
    return List.of(own, GateState.AWAITING_APPROVAL);
  }

  /** The plan at {@code at} on the ledger extended with the events the forecast assumed up to then. */
  static RolloutPlan replay(Scenario s, Forecast forecast, Instant at) {
    List<LedgerRecord> records = new ArrayList<>(s.ledger().records());
    forecast.assumedEvents().stream().filter(r -> !r.at().isAfter(at)).forEach(records::add);
    return RolloutPlanner.of(s.pipeline()).withLedger(Ledger.of(records)).at(at).plan(s.desired());
  }

  /** Every environment before {@code name}, transitively. */
  static Set<String> upstreamOf(Pipeline pipeline, String name) {
    Set<String> result = new HashSet<>();
    List<String> todo = new ArrayList<>(pipeline.environment(name).orElseThrow().after());
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (result.add(next)) {
        todo.addAll(pipeline.environment(next).orElseThrow().after());
      }
    }
    return result;
  }
}
