package dev.converge.affected;

import dev.converge.model.InstanceId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An instance whose deployment changes between base and head, with every reason. */
@Value.Immutable
public interface AffectedInstance extends WithAffectedInstance {

  /** Its environment in the pipeline; empty when its stack matches none. */
  Optional<String> environment();

  InstanceId instance();

  /** The folder it deploys in head (in base, when deleted). */
  String folder();

  List<AffectedReason> reasons();

  default String stack() {
    return instance().stack();
  }

  default String component() {
    return instance().component();
  }

  default boolean has(ReasonKind kind) {
    return reasons().stream().anyMatch(r -> r.kind() == kind);
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableAffectedInstance.Builder {
    Builder() {}
  }
}
