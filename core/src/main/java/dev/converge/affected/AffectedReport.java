package dev.converge.affected;

import dev.converge.model.InstanceId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The answer of {@code converge affected}: every affected instance, by environment order, then instance. */
@Value.Immutable
public interface AffectedReport extends WithAffectedReport {

  String base();

  String head();

  List<AffectedInstance> affected();

  default Optional<AffectedInstance> instance(InstanceId id) {
    return affected().stream().filter(a -> a.instance().equals(id)).findFirst();
  }

  default boolean isEmpty() {
    return affected().isEmpty();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableAffectedReport.Builder {
    Builder() {}
  }
}
