package dev.converge.yaml;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.model.InstanceId;
import dev.converge.internal.value.FrozenMap;
import dev.converge.internal.value.HeldAsGivenStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One component in one stack, fully resolved: what {@code converge describe component} prints.
 *
 * <p>{@link #configuration()} has the keys of {@code atmos describe component} where they exist
 * ({@code vars}, {@code settings}, {@code env}, {@code backend_type}, {@code backend} of the chosen
 * type, {@code remote_state_backend}, {@code providers}, {@code overrides}, {@code metadata},
 * {@code workspace}, {@code component} (the folder), {@code inheritance}, {@code imports},
 * {@code deps}, {@code atmos_stack}, {@code atmos_stack_file}, ...) plus {@code folder},
 * {@code source_digest} and {@code config_digest}.
 */
@Value.Immutable
@HeldAsGivenStyle // the loader hands thousands of describe maps over frozen: made immutable once, by frozen()
public interface ResolvedComponent extends WithResolvedComponent {

  /** Terraform commands that a locked component refuses (Atmos: {@code metadata.locked}). */
  Set<String> LOCKED_COMMANDS = Set.of("apply", "deploy", "destroy", "import", "state", "taint", "untaint");

  InstanceId id();

  /** {@code terraform}, {@code helmfile}, ... */
  String type();

  /** The manifest (file name) that defines it. */
  String manifest();

  /** The folder it deploys, relative to its components base path. */
  String folder();

  /** The git tree id of the folder; empty when the folder does not exist. */
  @Value.Default
  default Optional<String> sourceDigest() {
    return Optional.empty();
  }

  String configDigest();

  @Value.Default
  default Optional<String> workspace() {
    return Optional.empty();
  }

  @Value.Default
  default Optional<String> workspaceKeyPrefix() {
    return Optional.empty();
  }

  /**
   * The workspace as {@code atmos describe stacks} prints it: Atmos computes it there without the
   * base component, so a component that deploys another folder than its name shows the bare stack
   * prefix (an Atmos quirk, kept for comparison; {@link #workspace()} is what Terraform uses).
   */
  @Value.Default
  default Optional<String> describeStacksWorkspace() {
    return Optional.empty();
  }

  boolean isAbstract();

  boolean enabled();

  boolean locked();

  /** The base components, nearest first. */
  @Value.Default
  default List<String> inheritance() {
    return List.of();
  }

  /** Its dependencies ({@code dependencies.components}, else {@code settings.depends_on}). */
  @Value.Default
  default List<InstanceId> dependsOn() {
    return List.of();
  }

  /** The describe-component map. */
  @Value.Default
  default Map<String, Object> configuration() {
    return FrozenMap.of();
  }

  @Value.Auxiliary
  @Value.Default
  default Optional<SourceLocation> location() {
    return Optional.empty();
  }

  /** The value with immutable lists and a frozen map: copies only what is not already immutable. */
  @Value.Check
  default ResolvedComponent frozen() {
    List<String> inheritance = List.copyOf(inheritance());
    List<InstanceId> dependsOn = List.copyOf(dependsOn());
    FrozenMap configuration = FrozenMap.copyOf(configuration());
    if (inheritance == inheritance() && dependsOn == dependsOn() && configuration == configuration()) {
      return this;
    }
    return withInheritance(inheritance).withDependsOn(dependsOn).withConfiguration(configuration);
  }

  default String stack() {
    return id().stack();
  }

  default String component() {
    return id().component();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> section(String key) {
    Object value = configuration().get(key);
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  default Map<String, Object> vars() {
    return section("vars");
  }

  default Map<String, Object> settings() {
    return section("settings");
  }

  default Map<String, Object> env() {
    return section("env");
  }

  default Map<String, Object> metadata() {
    return section("metadata");
  }

  default Map<String, Object> backend() {
    return section("backend");
  }

  default String backendType() {
    return String.valueOf(configuration().getOrDefault("backend_type", ""));
  }

  /**
   * Why {@code command} may not run on this component, or empty when it may: a locked component
   * refuses {@code apply}, {@code deploy}, {@code destroy} and the state commands; {@code plan} is
   * allowed.
   */
  default Optional<String> refusal(String command) {
    if (locked() && LOCKED_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
      return Optional.of("locked component cannot be provisioned: component '" + component()
          + "' cannot be modified (metadata.locked: true)");
    }
    if (isAbstract() && !command.equalsIgnoreCase("describe")) {
      return Optional.of("abstract component '" + component() + "' cannot be provisioned (metadata.type: abstract)");
    }
    return Optional.empty();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableResolvedComponent.Builder {
    Builder() {}
  }
}
