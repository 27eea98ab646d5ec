package dev.converge.plan;

import dev.converge.diagnostic.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer of {@code RolloutPlanner.plan()}: for the revision being rolled out, every
 * environment in pipeline order with its gate and actions, what may run now, what a newer
 * revision made stale, and the problems found on the way.
 */
@Value.Immutable
public interface RolloutPlan extends WithRolloutPlan {

  String revision();

  /** The instant the plan was made for. */
  Instant at();

  /** Environments in pipeline order. */
  List<EnvironmentPlan> environments();

  /** Exactly the actions that may run now, by environment order, wave and instance. */
  List<Action> next();

  List<StaleRecord> stale();

  List<Problem> problems();

  default Optional<EnvironmentPlan> environment(String name) {
    return environments().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** Whether every environment is done: nothing left to deploy. */
  default boolean isConverged() {
    return environments().stream().allMatch(e -> e.gate().state() == GateState.DONE);
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableRolloutPlan.Builder {
    Builder() {}
  }
}
