package dev.converge.runner.ledger;

import dev.converge.ledger.LedgerRecord;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** One record as it stands in the ledger file: where, its exact text, and its chain fields if written by the tool. */
@Value.Immutable
public interface LedgerLine extends WithLedgerLine {

  /** 1-based line number in the file. */
  int number();

  /** The line without its line break. */
  String text();

  LedgerRecord record();

  /** The record's position among the file's records, 1-based; absent on hand-written lines. */
  OptionalLong seq();

  /** SHA-256 (hex) of the previous line's text; absent on hand-written lines and the first line. */
  Optional<String> prev();

  default boolean isChained() {
    return seq().isPresent() || prev().isPresent();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableLedgerLine.Builder {
    Builder() {}
  }
}
