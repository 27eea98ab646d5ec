package dev.converge.runner.ledger;

import dev.converge.ledger.LedgerRecord;
import org.immutables.value.Value;

/**
 * A record to append with its id. A store writes a record whose id it already holds no second time,
 * so an append retried after its reply was lost (a timeout, a dropped connection, a killed client)
 * never writes twice. {@link #of(LedgerRecord)} derives the id from the record's content
 * ({@link LedgerCodec#idOf}); give one explicitly ({@code converge record --id}) when the same event
 * may be recorded again with another {@code at}.
 */
@Value.Immutable
public interface LedgerEntry extends WithLedgerEntry {

  @Value.Parameter
  String id();

  @Value.Parameter
  LedgerRecord record();

  @Value.Check
  default void check() {
    if (id().isBlank() || id().length() > 200 || !id().chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\')) {
      throw new IllegalArgumentException("id (" + id() + ") must be 1 to 200 printable ASCII characters"
          + " without spaces, quotes or backslashes");
    }
  }

  /** The record with its content-derived id. */
  static LedgerEntry of(LedgerRecord record) {
    return ImmutableLedgerEntry.of(LedgerCodec.idOf(record), record);
  }

  static LedgerEntry of(String id, LedgerRecord record) {
    return ImmutableLedgerEntry.of(id, record);
  }
}
