package dev.converge.ledger;

import java.util.Optional;
import java.time.Instant;
import org.immutables.value.Value;

/** Stop the line: no deployment in the environment (or of the component there) until released. */
@Value.Immutable
public interface Hold extends WithHold, LedgerRecord {

  @Override
  Instant at();

  String environment();

  /** The component held; empty holds the whole environment. */
  Optional<String> component();

  String reason();

  @Override
  default String type() {
    return "hold";
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableHold.Builder {
    Builder() {}
  }
}
