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

  private final Pipeline pipeline;
  private final Ledger ledger;
  private final Instant now;

  private RolloutPlanner(Pipeline pipeline, Ledger ledger, Instant now) {
    this.pipeline = pipeline;
    this.ledger = ledger;
    this.now = now;
  }

  /** A planner for {@code pipeline}, with an empty ledger and no instant yet. */
  public static RolloutPlanner of(Pipeline pipeline) {
    return new RolloutPlanner(Objects.requireNonNull(pipeline, "pipeline"), Ledger.empty(), null);
  }

  /** A copy that reads {@code ledger}: what was deployed, checked, approved, held, marked bad. */
  public RolloutPlanner withLedger(Ledger ledger) {
    return new RolloutPlanner(pipeline, Objects.requireNonNull(ledger, "ledger"), now);
  }

  /** A copy that plans as of {@code now}; the planner never reads a clock. */
  public RolloutPlanner at(Instant now) {
    return new RolloutPlanner(pipeline, ledger, Objects.requireNonNull(now, "now"));
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public Ledger ledger() {
    return ledger;
  }

  /**
   * Plans {@code desired}.
   *
   * @throws IllegalStateException if no instant was given with {@link #at(Instant)}
   */
  public RolloutPlan plan(DesiredState desired) {
    Objects.requireNonNull(desired, "desired");
    if (now == null) {
      throw new IllegalStateException("now is not set: call at(Instant) before plan(); the planner never reads a clock");
    }
    return Planning.plan(pipeline, ledger, now, desired);
  }
}
