package dev.converge.model;

import java.util.List;
import org.immutables.value.Value;

/** The {@code metadata} section of an instance, as Atmos resolves it. */
@Value.Immutable
public interface ComponentMetadata extends WithComponentMetadata {

  @Value.Default
  default ComponentType type() {
    return ComponentType.REAL;
  }

  /** {@code metadata.enabled}: a disabled instance is skipped. */
  @Value.Default
  default boolean enabled() {
    return true;
  }

  /** {@code metadata.locked}: a locked instance is reported, never changed. */
  @Value.Default
  default boolean locked() {
    return false;
  }

  /** {@code metadata.inherits}, in order. */
  List<String> inherits();

  static ComponentMetadata defaults() {
    return builder().build();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableComponentMetadata.Builder {
    Builder() {}
  }
}
