package dev.converge;

import dev.converge.internal.plan.Planning;
import dev.converge.ledger.Ledger;
import dev.converge.model.DesiredState;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.RolloutPlan;
import java.time.Instant;
import java.util.Objects;

/**
 * The entry point: plans the rollout of a desired state through a pipeline, given what the
 * ledger says happened, at an instant.
 *
 * <p>Planning is a pure function: no I/O, no clock but the instant given, the same inputs give an
 * equal plan. The planner is an immutable value; each {@code with}/{@code at} returns a copy.
 *
 * <pre>{@code
 * RolloutPlan plan = RolloutPlanner.of(pipeline)
 *     .withLedger(ledger)
 *     .at(Instant.parse("2026-11-27T10:00:00Z"))
 *     .plan(desired);
 * plan.next().forEach(action -> System.out.println(action.environment() + " " + action.instance().render()));
 * }</pre>
 */
public final class RolloutPlanner {

  private final Engine engine;

  private RolloutPlanner(Engine engine) {
    this.engine = engine;
  }

  /** A planner for {@code pipeline}, with an empty ledger and no instant yet. */
  public static RolloutPlanner of(Pipeline pipeline) {
    return new RolloutPlanner(Engine.of(pipeline));
  }

  /** The planner of {@code engine}'s pipeline, ledger and instant. */
  public static RolloutPlanner of(Engine engine) {
    return new RolloutPlanner(Objects.requireNonNull(engine, "engine"));
  }

  /** A copy that reads {@code ledger}: what was deployed, checked, approved, held, marked bad. */
  public RolloutPlanner withLedger(Ledger ledger) {
    return new RolloutPlanner(engine.withLedger(ledger));
  }

  /** A copy that plans as of {@code now}; the planner never reads a clock. */
  public RolloutPlanner at(Instant now) {
    return new RolloutPlanner(engine.at(now));
  }

  public Pipeline pipeline() {
    return engine.pipeline();
  }

  public Ledger ledger() {
    return engine.ledger();
  }

  /**
   * Plans {@code desired}.
   *
   * @throws IllegalStateException if no instant was given with {@link #at(Instant)}
   */
  public RolloutPlan plan(DesiredState desired) {
    Objects.requireNonNull(desired, "desired");
    return Planning.plan(engine.pipeline(), engine.ledger(), engine.requireNow("plan()"), desired);
  }
}
