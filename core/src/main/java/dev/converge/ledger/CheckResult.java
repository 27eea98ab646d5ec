package dev.converge.ledger;

import java.time.Instant;
import org.immutables.value.Value;

/** A check ({@code smoke}, {@code integration}, ...) run in an environment at a revision. */
@Value.Immutable
public interface CheckResult extends WithCheckResult, LedgerRecord {

  @Override
  Instant at();

  String environment();

  String revision();

  String check();

  Outcome outcome();

  default boolean isSuccess() {
    return outcome() == Outcome.SUCCESS;
  }

  @Override
  default String type() {
    return "check";
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableCheckResult.Builder {
    Builder() {}
  }
}
