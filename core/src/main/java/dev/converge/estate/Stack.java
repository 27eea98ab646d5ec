package dev.converge.estate;

import dev.converge.model.Instance;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One Atmos stack: its name, the manifest that defines it, its environment and its instances. */
@Value.Immutable
public interface Stack extends WithStack {

  /** The logical stack name ({@code prod/us-east-1}, {@code plat-ue2-prod}). */
  String name();

  /** The stack manifest, relative to the stacks base path without extension; empty when not known. */
  Optional<String> manifest();

  /** The first environment of the pipeline order whose stack globs match it; empty when none does. */
  Optional<String> environment();

  /** Its instances, in component name order. */
  List<Instance> instances();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableStack.Builder {
    Builder() {}
  }
}
