package dev.converge.plan;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One unmet condition of a gate, as data: its kind, what it is about, when time alone clears it,
 * and the sentence {@link Gate#reasons()} shows for it. Read the fields, not the sentence.
 */
@Value.Immutable
public interface GateCondition extends WithGateCondition {

  ConditionKind kind();

  /** The environment it is about, when another than the gate's own (an upstream). */
  Optional<String> environment();

  /** The component it is about (a component hold). */
  Optional<String> component();

  /** The check it is about. */
  Optional<String> check();

  /** Approvals required. */
  OptionalInt required();

  /** Approvals given. */
  OptionalInt has();

  /** Actions the upstream environment has left. */
  OptionalInt left();

  /** Since when it holds (a hold's time). */
  Optional<Instant> since();

  /** When time alone clears it: a soak's or freeze's end. */
  Optional<Instant> clearsAt();

  /** The person-given reason behind it (a hold's, a freeze's, a bad mark's), or a failure's description. */
  Optional<String> detail();

  /** The condition in words, as {@link Gate#reasons()} has it. */
  String text();

  /** Whether a person must act for it to clear (an approval, a release of a hold, a fix). */
  default boolean waitsOnPerson() {
    return switch (kind()) {
      case APPROVAL_MISSING, HELD, COMPONENT_HELD, REVISION_BAD, UPSTREAM_FAILED, UPSTREAM_BLOCKED -> true;
      default -> false;
    };
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableGateCondition.Builder {
    Builder() {}
  }
}
