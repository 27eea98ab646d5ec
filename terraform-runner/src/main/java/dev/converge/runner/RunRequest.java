package dev.converge.runner;

import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.plan.RolloutPlan;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What to run: the actions of {@code plan.next()} in one environment, with the desired state that
 * resolves each instance (vars, env, backend, workspace, digests).
 */
@Value.Immutable
public interface RunRequest extends WithRunRequest {

  /** The environment whose {@code next} actions run; actions of other environments are left alone. */
  String environment();

  RolloutPlan plan();

  DesiredState desired();

  /**
   * Configurations of instances to destroy, as last deployed: they are absent from the desired
   * state, and a {@code destroy} action needs their vars and backend.
   */
  List<Instance> retired();

  /** The configuration of an instance: from the desired state, else from {@link #retired()}. */
  default Optional<Instance> instance(InstanceId id) {
    return desired().instance(id).or(() -> retired().stream().filter(i -> i.id().equals(id)).findFirst());
  }

  @Value.Check
  default void check() {
    if (plan().environment(environment()).isEmpty()) {
      throw new IllegalArgumentException("environment (" + environment() + ") is not in the plan, whose environments are "
          + plan().environments().stream().map(e -> e.name()).toList());
    }
  }

  static RunRequest of(String environment, RolloutPlan plan, DesiredState desired) {
    return builder().environment(environment).plan(plan).desired(desired).build();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableRunRequest.Builder {
    Builder() {}
  }
}
