package dev.converge.ledger;

import java.time.Instant;
import org.immutables.value.Value;

/** A revision marked bad: it is never deployed further. */
@Value.Immutable
public interface BadRevision extends WithBadRevision, LedgerRecord {

  @Override
  Instant at();

  String revision();

  String reason();

  @Override
  default String type() {
    return "bad";
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableBadRevision.Builder {
    Builder() {}
  }
}
