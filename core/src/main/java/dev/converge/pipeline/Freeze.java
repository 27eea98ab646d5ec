package dev.converge.pipeline;

import java.time.Instant;
import org.immutables.value.Value;

/** A period in which an environment must not be deployed: {@code [from, to)}, with its reason. */
@Value.Immutable
public interface Freeze extends WithFreeze {

  Instant from();

  Instant to();

  String reason();

  default boolean contains(Instant instant) {
    return !instant.isBefore(from()) && instant.isBefore(to());
  }

  @Value.Check
  default void check() {
    if (!to().isAfter(from())) {
      throw new IllegalArgumentException("freeze to (" + to() + ") must be after from (" + from() + ")");
    }
  }

  static Freeze of(Instant from, Instant to, String reason) {
    return builder().from(from).to(to).reason(reason).build();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableFreeze.Builder {
    Builder() {}
  }
}
