package dev.converge.ledger;

import java.util.Optional;
import java.time.Instant;
import org.immutables.value.Value;

/** Lifts the {@link Hold} on the same environment and component. */
@Value.Immutable
public interface Release extends WithRelease, LedgerRecord {

  @Override
  Instant at();

  String environment();

  Optional<String> component();

  @Override
  default String type() {
    return "release";
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableRelease.Builder {
    Builder() {}
  }
}
