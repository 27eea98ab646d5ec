package dev.converge.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One environment of a plan: its gate, its forecast and its actions (by wave, then instance). */
@Value.Immutable
public interface EnvironmentPlan extends WithEnvironmentPlan {

  String name();

  Gate gate();

  /**
   * The soonest instant this environment could be deployed if every check passed and every
   * approval came at once; empty when it is done or cannot be forecast (blocked, held).
   */
  Optional<Instant> earliestAt();

  List<Action> actions();

  /** The actions that change something. */
  default List<Action> changes() {
    return actions().stream().filter(a -> a.kind().isChange()).toList();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableEnvironmentPlan.Builder {
    Builder() {}
  }
}
