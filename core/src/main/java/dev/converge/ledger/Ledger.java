package dev.converge.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The record of what happened, in the order it was written. Immutable: appending gives a new
 * ledger. Records are read in list order; of two records at the same instant the later one wins.
 */
public final class Ledger {

  private static final Ledger EMPTY = new Ledger(List.of());

  private final List<LedgerRecord> records;

  private Ledger(List<LedgerRecord> records) {
    this.records = records;
  }

  public static Ledger empty() {
    return EMPTY;
  }

  public static Ledger of(List<? extends LedgerRecord> records) {
    records.forEach(r -> Objects.requireNonNull(r, "ledger record"));
    return new Ledger(List.copyOf(records));
  }

  public static Ledger of(LedgerRecord... records) {
    return of(List.of(records));
  }

  public List<LedgerRecord> records() {
    return records;
  }

  public int size() {
    return records.size();
  }

  /** A new ledger with {@code more} appended. */
  public Ledger append(List<? extends LedgerRecord> more) {
    List<LedgerRecord> all = new ArrayList<>(records.size() + more.size());
    all.addAll(records);
    all.addAll(more);
    return of(all);
  }

  public Ledger append(LedgerRecord... more) {
    return append(List.of(more));
  }

  /** The records of one type, in order. */
  public <T extends LedgerRecord> List<T> recordsOf(Class<T> type) {
    List<T> result = new ArrayList<>();
    for (LedgerRecord r : records) {
      if (type.isInstance(r)) {
        result.add(type.cast(r));
      }
    }
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ledger that && records.equals(that.records);
  }

  @Override
  public int hashCode() {
    return records.hashCode();
  }

  @Override
  public String toString() {
    return "Ledger[" + records.size() + " records]";
  }
}
