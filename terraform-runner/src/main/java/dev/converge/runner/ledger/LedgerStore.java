package dev.converge.runner.ledger;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import java.util.List;
import java.util.Objects;

/**
 * Where the ledger is kept: a file, a git repository or a PostgreSQL table, chosen by a location
 * string ({@link #open(String)}, the command line's {@code --ledger}). Every store gives the same
 * guarantees ({@code docs/ledger-stores.md}):
 *
 * <ul>
 *   <li>the same lines: JSON Lines records with {@code id}, {@code seq} and the SHA-256 {@code prev}
 *       chain, so {@link #verify()} names the first broken record in any store, and a copy between
 *       stores keeps every line's exact text;
 *   <li>appends are atomic and durable, concurrent writers (threads, processes, machines) lose no
 *       record and keep the chain;
 *   <li>appends are idempotent: a record whose id the store holds is not written again;
 *   <li>reads take one pass over the store.
 * </ul>
 */
public interface LedgerStore extends AutoCloseable {

  /**
   * Opens the store a location names: a path or {@code file:PATH} (the ledger file),
   * {@code git:DIR[#REMOTE]} (the ref {@code refs/converge/ledger} of a git repository, pushed to
   * REMOTE when given), {@code postgresql://…} or {@code jdbc:postgresql:…} (a table).
   *
   * @throws IllegalArgumentException when the location is malformed
   * @throws ConvergeException when the store cannot be reached
   */
  static LedgerStore open(String location) {
    return LedgerLocation.open(location);
  }

  /** The location, as {@link #open(String)} takes it, without any password it held. */
  String location();

  /**
   * Every complete record in order, with the problems met (a line that is not a record is an error,
   * a torn last line of a file a warning).
   *
   * @throws ConvergeException with a {@code ledger-io} problem when the store cannot be read
   */
  LedgerContents read();

  /**
   * The records as a core {@link Ledger}.
   *
   * @throws ConvergeException when a line is not a record, or the store cannot be read
   */
  default Ledger load() {
    LedgerContents contents = read();
    if (contents.hasErrors()) {
      throw new ConvergeException(contents.problems().stream().filter(Problem::isError).toList());
    }
    return contents.ledger();
  }

  /** Appends one record with its content-derived id; see {@link #appendEntries(List)}. */
  default LedgerLine append(LedgerRecord record) {
    return append(List.of(record)).get(0);
  }

  /** Appends records with their content-derived ids; see {@link #appendEntries(List)}. */
  default List<LedgerLine> append(List<? extends LedgerRecord> records) {
    records.forEach(r -> Objects.requireNonNull(r, "ledger record"));
    return appendEntries(records.stream().map(LedgerEntry::of).toList());
  }

  /**
   * Appends {@code entries} atomically, chained to the store's last record, and returns one line per
   * entry: the line written, or the line already there when the store holds the entry's id.
   *
   * @throws ConvergeException with a {@code ledger-io} problem when the store cannot be written;
   *     nothing of the batch is then promised to be stored (append it again: ids make that safe)
   */
  List<LedgerLine> appendEntries(List<LedgerEntry> entries);

  /**
   * Appends these exact lines (for {@code converge ledger copy}) after the store's first
   * {@code after} records, as one atomic batch.
   *
   * @throws ConvergeException when the store holds another number of records than {@code after}
   *     (another writer was faster), or cannot be written
   */
  void appendExact(int after, List<String> lines);

  /**
   * Checks the hash chain and names the first broken record.
   *
   * @throws ConvergeException when the store cannot be read
   */
  LedgerVerification verify();

  /** Releases connections; a file holds none. */
  @Override
  default void close() {}
}
