package dev.converge.ledger;

import dev.converge.model.InstanceId;
import java.util.Optional;
import java.time.Instant;
import org.immutables.value.Value;

/** A deployment of one instance at one revision, successful or not. */
@Value.Immutable
public interface Deployment extends WithDeployment, LedgerRecord {

  @Override
  Instant at();

  InstanceId instance();

  String folder();

  String revision();

  String sourceDigest();

  String configDigest();

  Outcome outcome();

  Optional<String> actor();

  /** Whether this deployment destroyed the instance rather than applying it. */
  @Value.Default
  default boolean destroy() {
    return false;
  }

  default boolean isSuccess() {
    return outcome() == Outcome.SUCCESS;
  }

  @Override
  default String type() {
    return "deployment";
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableDeployment.Builder {
    Builder() {}
  }
}
