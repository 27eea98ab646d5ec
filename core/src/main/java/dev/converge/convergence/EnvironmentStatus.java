package dev.converge.convergence;

import dev.converge.plan.GateCondition;
import dev.converge.plan.GateState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One environment of the pipeline: its upstreams, its gate and how many cells are in each state. */
@Value.Immutable
public interface EnvironmentStatus extends WithEnvironmentStatus {

  String name();

  /** Upstream environments ({@code after}). */
  List<String> after();

  GateState gate();

  /** When time alone opens the gate. */
  Optional<Instant> opensAt();

  /** What keeps the gate closed, as data; empty for an open or done gate. */
  List<GateCondition> conditions();

  /** Cells per state, in {@link CellState} order, states with no cell left out. */
  Map<CellState, Integer> cells();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableEnvironmentStatus.Builder {
    Builder() {}
  }
}
