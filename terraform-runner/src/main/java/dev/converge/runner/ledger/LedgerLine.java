package dev.converge.runner.ledger;

import dev.converge.ledger.LedgerRecord;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One record as it stands in a ledger store: where (the line of the file, or the record's position
 * in a git or PostgreSQL store), its exact text, its id, the store's identity of its writer, and its
 * chain fields if written by the tool.
 */
@Value.Immutable
public interface LedgerLine extends WithLedgerLine {

  /** 1-based line number in the file (in a git or PostgreSQL store, the line of its one-pass text). */
  int number();

  /** The record's id: its {@code id} field, or for lines without one the id derived from its content. */
  String id();

  /**
   * Who wrote the line as the store knows it: the git committer (name and e-mail) of a git store, the
   * database user of a PostgreSQL store; absent in a file, which knows no writer.
   */
  Optional<String> writer();

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
