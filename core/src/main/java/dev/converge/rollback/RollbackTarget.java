package dev.converge.rollback;

import dev.converge.ledger.Deployment;
import dev.converge.model.InstanceId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** For one instance: what runs now and the deployment to return to. */
@Value.Immutable
public interface RollbackTarget extends WithRollbackTarget {

  String environment();

  InstanceId instance();

  /** The newest successful deployment: what runs now. */
  Optional<Deployment> current();

  /** The newest successful deployment before the given revision, by trunk history; empty when there is none. */
  Optional<Deployment> target();

  /** Why this target, or why none, in words. */
  List<String> reasons();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableRollbackTarget.Builder {
    Builder() {}
  }
}
