package dev.converge.runner;

import dev.converge.ledger.LedgerRecord;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The results of one run (or drift check), in the order of the plan's {@code next}. */
@Value.Immutable
public interface RunReport extends WithRunReport {

  String environment();

  List<ActionResult> results();

  /** The ledger records to append, in result order. */
  default List<LedgerRecord> records() {
    return results().stream().map(ActionResult::record).flatMap(Optional::stream).toList();
  }

  /** Whether any action failed or was cancelled: a CLI exits 1. */
  default boolean hasFailures() {
    return results().stream().anyMatch(r -> r.status() == ActionStatus.FAILED || r.status() == ActionStatus.CANCELLED);
  }

  default List<ActionResult> withStatus(ActionStatus status) {
    return results().stream().filter(r -> r.status() == status).toList();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableRunReport.Builder {
    Builder() {}
  }
}
