package dev.converge.yaml;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One top-level stack manifest, its imports merged in (before any component processing). */
@Value.Immutable
public interface StackManifest extends WithStackManifest {

  /** The manifest's file name, relative to the stacks base path, without extension ({@code deploy/dev}). */
  String name();

  /** The file, relative to the repository root ({@code stacks/deploy/dev.yaml}). */
  String path();

  /** The manifest's own {@code name:}, which names its stack. */
  Optional<String> explicitName();

  /** Every manifest it imports, directly or not, sorted and de-duplicated. */
  List<String> imports();

  /** The import-merged document ({@code vars}, {@code components.terraform.vpc.vars}, ...). */
  @Value.Auxiliary
  Map<String, Object> document();

  /** The logical stacks its components belong to. */
  List<String> stacks();

  /**
   * The manifest's own {@code locals}, resolved, as Atmos's {@code describe locals} shows them:
   * {@code locals} (the root ones) and {@code terraform.locals}, {@code helmfile.locals},
   * {@code packer.locals} (each section's own); empty when it has none. Locals are file-scoped:
   * an imported file's are not here.
   */
  @Value.Auxiliary
  Map<String, Object> locals();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableStackManifest.Builder {
    Builder() {}
  }
}
