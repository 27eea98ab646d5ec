package dev.converge.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An environment's gate for the revision being rolled out. */
@Value.Immutable
public interface Gate extends WithGate {

  GateState state();

  /** Every unmet condition, in words; empty for an open or done gate. */
  List<String> reasons();

  /**
   * Every unmet condition as data, in the order of {@link #reasons()} (whose sentences are their
   * {@link GateCondition#text()}s, plus the advice that follows a bad mark); empty for an open or
   * done gate.
   */
  List<GateCondition> conditions();

  /** When time alone opens the gate: the instant it opens. */
  Optional<Instant> opensAt();

  /**
   * While the gate is soaking: when the soak ends. Other conditions that time resolves (a window, a
   * freeze) may keep it closed after that, so this can be before {@link #opensAt()}.
   */
  Optional<Instant> soakEndsAt();

  default boolean isOpen() {
    return state() == GateState.OPEN;
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableGate.Builder {
    Builder() {}
  }
}
