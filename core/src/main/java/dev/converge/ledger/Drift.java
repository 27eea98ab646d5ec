package dev.converge.ledger;

import dev.converge.model.InstanceId;
import java.time.Instant;
import org.immutables.value.Value;

/** A Terraform plan of an up-to-date instance showed changes. */
@Value.Immutable
public interface Drift extends WithDrift, LedgerRecord {

  @Override
  Instant at();

  InstanceId instance();

  String revision();

  int changes();

  @Override
  default String type() {
    return "drift";
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableDrift.Builder {
    Builder() {}
  }
}
