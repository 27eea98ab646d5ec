package dev.converge.runner.ledger;

import dev.converge.diagnostic.Problem;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** The result of checking a ledger file's hash chain: intact, or the first broken line and why. */
@Value.Immutable
public interface LedgerVerification extends WithLedgerVerification {

  String file();

  /** How many records were checked. */
  int records();

  /** How many of them carry chain fields (hand-written lines do not). */
  int chained();

  /** The first line where the chain breaks (an edit, a gap, a reordering, or a line that is not a record). */
  OptionalInt firstBrokenLine();

  /** The break, and any warning such as a torn last line. */
  List<Problem> problems();

  default boolean isIntact() {
    return firstBrokenLine().isEmpty();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableLedgerVerification.Builder {
    Builder() {}
  }
}
