package dev.converge.convergence;

import dev.converge.plan.GateState;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One component: its class, why, and its cells in pipeline order. */
@Value.Immutable
public interface ComponentStatus extends WithComponentStatus {

  String component();

  /** The class; JSON {@code class}. */
  DivergenceClass divergenceClass();

  /** Every finding in words, the class's own first. */
  List<String> reasons();

  /** The convergence date of the declaration that covers a planned divergence. */
  Optional<LocalDate> convergeBy();

  /** For an operational or blocked component: the first environment whose gate it waits on. */
  Optional<String> waitingOn();

  /** The state of that environment's gate. */
  Optional<GateState> gate();

  /**
   * Parity: the vars that every enabled instance of the component sets to the same value, sorted.
   * A var an instance sets otherwise, or that only some instances set, is that instance's override.
   */
  List<String> sharedVars();

  /** Cells in pipeline order of their environment, then by stack. */
  List<Cell> cells();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableComponentStatus.Builder {
    Builder() {}
  }
}
