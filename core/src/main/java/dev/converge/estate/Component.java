package dev.converge.estate;

import dev.converge.model.ComponentFolder;
import dev.converge.model.Instance;
import java.util.List;
import org.immutables.value.Value;

/**
 * One Atmos component across the estate: its type, its trunk folder, and every folder its
 * instances run, classified ({@code vpc}, {@code beta/vpc}, {@code vpc/1.2.3}, {@code vpc-experiment}).
 */
@Value.Immutable
public interface Component extends WithComponent {

  /** The Atmos component name. */
  String name();

  /** {@code terraform}, {@code helmfile}, ... */
  String type();

  /** The trunk folder the others diverge from (the base of its instances' folders). */
  String trunkFolder();

  /** The distinct folders its instances run, in path order. */
  List<ComponentFolder> folders();

  /** Its instances, in stack order. */
  List<Instance> instances();

  /** Whether every instance runs the same folder. */
  default boolean isConverged() {
    return folders().size() <= 1;
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableComponent.Builder {
    Builder() {}
  }
}
