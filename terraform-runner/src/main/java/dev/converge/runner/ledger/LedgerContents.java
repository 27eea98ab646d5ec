package dev.converge.runner.ledger;

import dev.converge.diagnostic.Problem;
import dev.converge.ledger.Ledger;
import java.util.List;
import org.immutables.value.Value;

/**
 * What reading a ledger file found: every complete record, in file order, and the problems met
 * (a torn last line is a warning; a line that is not a record is an error and is left out).
 */
@Value.Immutable
public interface LedgerContents extends WithLedgerContents {

  String file();

  List<LedgerLine> lines();

  List<Problem> problems();

  /** The records as a core {@link Ledger}, ready for the planner. */
  @Value.Lazy
  default Ledger ledger() {
    return Ledger.of(lines().stream().map(LedgerLine::record).toList());
  }

  default boolean hasErrors() {
    return problems().stream().anyMatch(Problem::isError);
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableLedgerContents.Builder {
    Builder() {}
  }
}
