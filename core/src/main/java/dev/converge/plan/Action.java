package dev.converge.plan;

import dev.converge.model.InstanceId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** What the plan does to one instance in one environment. */
@Value.Immutable
public interface Action extends WithAction {

  String environment();

  InstanceId instance();

  String folder();

  ActionKind kind();

  /** The 1-based wave of a change inside its environment; empty for no-ops and skips. */
  OptionalInt wave();

  /** The revision of the newest successful deployment, if any. */
  Optional<String> fromRevision();

  String toRevision();

  /** Why this action, in words ({@code component folder changed}, {@code never deployed}, ...). */
  List<String> reasons();

  /**
   * Why this action, as data: one cause per sentence of {@link #reasons()}, in the same order, when
   * the planner made it (an action built by hand may have none).
   */
  List<ActionCause> causes();

  default String stack() {
    return instance().stack();
  }

  default String component() {
    return instance().component();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableAction.Builder {
    Builder() {}
  }
}
