package dev.converge.ledger;

import java.time.Instant;
import org.immutables.value.Value;

/** An approval to deploy a revision to an environment. */
@Value.Immutable
public interface Approval extends WithApproval, LedgerRecord {

  @Override
  Instant at();

  String environment();

  String revision();

  String approver();

  @Override
  default String type() {
    return "approval";
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableApproval.Builder {
    Builder() {}
  }
}
