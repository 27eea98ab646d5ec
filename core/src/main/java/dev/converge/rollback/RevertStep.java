package dev.converge.rollback;

import dev.converge.model.InstanceId;
import dev.converge.plan.GateState;
import java.util.List;
import org.immutables.value.Value;

/** One wave of a revert in one environment: the instances that change, and the gate they wait on now. */
@Value.Immutable
public interface RevertStep extends WithRevertStep {

  String environment();

  int wave();

  List<InstanceId> instances();

  GateState gate();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableRevertStep.Builder {
    Builder() {}
  }
}
