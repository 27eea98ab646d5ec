package dev.converge.forecast;

import dev.converge.Engine;
import dev.converge.internal.forecast.Simulation;
import dev.converge.ledger.Ledger;
import dev.converge.model.DesiredState;
import dev.converge.pipeline.Pipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The entry point of forecasts: when trunk is expected to converge everywhere, given the pipeline,
 * what the ledger says happened, and an instant.
 *
 * <p>The forecast plans repeatedly with {@link dev.converge.RolloutPlanner} on the ledger extended
 * with assumed events (deployments succeed in their estimated time, checks pass, approvals come the
 * moment they are needed, nothing fails) and reports when each wave starts and why it could not
 * start sooner. Pure, like the planner; each {@code with}/{@code at} returns a copy.
 *
 * <pre>{@code
 * Forecast forecast = Forecaster.of(pipeline)
 *     .withLedger(ledger)
 *     .at(Instant.parse("2026-11-26T10:00:00Z"))
 *     .forecast(desired);
 * forecast.convergedAt().ifPresent(t -> System.out.println("converged by " + t));
 * }</pre>
 */
public final class Forecaster {

  /** The duration assumed for a deployment in an environment whose ledger history tells none. */
  public static final Duration DEFAULT_DURATION = Duration.ofMinutes(10);

  private final Engine engine;
  private final Duration defaultDuration;
  private final OptionalInt maxPlans;

  private Forecaster(Engine engine, Duration defaultDuration, OptionalInt maxPlans) {
    this.engine = engine;
    this.defaultDuration = defaultDuration;
    this.maxPlans = maxPlans;
  }

  /** A forecaster for {@code pipeline}, with an empty ledger, the default duration and no instant yet. */
  public static Forecaster of(Pipeline pipeline) {
    return of(Engine.of(pipeline));
  }

  /** The forecaster of {@code engine}'s pipeline, ledger and instant, with the default duration. */
  public static Forecaster of(Engine engine) {
    return new Forecaster(Objects.requireNonNull(engine, "engine"), DEFAULT_DURATION, OptionalInt.empty());
  }

  public Forecaster withLedger(Ledger ledger) {
    return new Forecaster(engine.withLedger(ledger), defaultDuration, maxPlans);
  }

  /** A copy that forecasts from {@code now}; the forecaster never reads a clock. */
  public Forecaster at(Instant now) {
    return new Forecaster(engine.at(now), defaultDuration, maxPlans);
  }

  /**
   * A copy that assumes {@code duration} for a deployment where the ledger has no history.
   *
   * @throws IllegalArgumentException when {@code duration} is not positive
   */
  public Forecaster withDefaultDuration(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("default duration (" + duration + ") must be positive");
    }
    return new Forecaster(engine, duration, maxPlans);
  }

  /**
   * A copy that stops after {@code plans} calls of the planner (default: 20 per change and per
   * environment, at least 200); a forecast that stops there says so in its {@code unresolved}.
   *
   * @throws IllegalArgumentException when {@code plans} is not positive
   */
  public Forecaster withMaxPlans(int plans) {
    if (plans < 1) {
      throw new IllegalArgumentException("maxPlans (" + plans + ") must be positive");
    }
    return new Forecaster(engine, defaultDuration, OptionalInt.of(plans));
  }

  /**
   * Forecasts the rollout of {@code desired}.
   *
   * @throws IllegalStateException if no instant was given with {@link #at(Instant)}
   */
  public Forecast forecast(DesiredState desired) {
    Objects.requireNonNull(desired, "desired");
    return Simulation.run(engine.pipeline(), engine.ledger(), engine.requireNow("forecast()"), desired, defaultDuration,
        maxPlans);
  }
}
