package dev.converge.model;

import dev.converge.diagnostic.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One component in one stack, with everything the Atmos loader resolves for it and the two
 * digests that say what deploying it means.
 */
@Value.Immutable
public interface Instance extends WithInstance {

  InstanceId id();

  /** The component folder it deploys ({@code metadata.component}; the component name by default). */
  String folder();

  /** Content digest of the folder's files (the git tree id of the folder). */
  String sourceDigest();

  /** Digest of the resolved configuration (see {@link ContentDigest#ofConfiguration}). */
  String configDigest();

  Map<String, Object> vars();

  Map<String, Object> env();

  Map<String, Object> settings();

  /** {@code backend_type}, e.g. {@code s3}. */
  Optional<String> backendType();

  /** The backend configuration of the chosen type. */
  Map<String, Object> backend();

  /** The Terraform workspace, as Atmos computes it. */
  Optional<String> workspace();

  /** The backend {@code workspace_key_prefix}, as Atmos computes it. */
  Optional<String> workspaceKeyPrefix();

  /** What this instance depends on ({@code settings.depends_on}), resolved to instance ids. */
  List<InstanceId> dependsOn();

  @Value.Default
  default ComponentMetadata metadata() {
    return ComponentMetadata.defaults();
  }

  /** A planned divergence declared on the instance ({@code settings.divergence}). */
  Optional<DivergenceDeclaration> divergence();

  /** Where the instance is defined. */
  @Value.Auxiliary
  Optional<SourceLocation> location();

  /**
   * The stack manifests its configuration is read from, as Atmos lists them in {@code imports}:
   * paths relative to the stacks base path, without extension ({@code catalog/vpc}). Affected
   * names the import whose change changed the instance. Like the location, it takes no part in
   * equality.
   */
  @Value.Auxiliary
  List<String> imports();

  default String stack() {
    return id().stack();
  }

  default String component() {
    return id().component();
  }

  /** Enabled, real and unlocked: the planner may change it. */
  default boolean isDeployable() {
    return metadata().enabled() && metadata().type() == ComponentType.REAL && !metadata().locked();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableInstance.Builder {
    Builder() {}
  }
}
