package dev.converge.runner;

import dev.converge.ledger.LedgerRecord;
import dev.converge.plan.Action;
import java.util.Optional;
import org.immutables.value.Value;

/** What happened to one action: its status, the plan summary, where it failed, and the ledger record it produced. */
@Value.Immutable
public interface ActionResult extends WithActionResult {

  Action action();

  ActionStatus status();

  Optional<PlanSummary> summary();

  /** The step that failed (or was running when cancelled). */
  Optional<Step> failedStep();

  /** Why it failed, was refused or was skipped, masked. */
  Optional<String> message();

  /** The record for the ledger: a deployment (success or failure) or a drift; empty when nothing is to be recorded. */
  Optional<LedgerRecord> record();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableActionResult.Builder {
    Builder() {}
  }
}
