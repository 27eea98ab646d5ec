package dev.converge.model;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.internal.value.FrozenMap;
import dev.converge.internal.value.HeldAsGivenStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One component in one stack, with everything the Atmos loader resolves for it and the two
 * digests that say what deploying it means.
 *
 * <p>Its maps and lists are immutable and hold no {@code null}; a map the loader has already frozen
 * is kept as it is rather than copied (a load builds thousands of instances).
 */
@Value.Immutable
@HeldAsGivenStyle // maps, lists and optionals made immutable once, by frozen(); the Builder keeps put/add methods
public interface Instance extends WithInstance {

  InstanceId id();

  /** The component folder it deploys ({@code metadata.component}; the component name by default). */
  String folder();

  /** Content digest of the folder's files (the git tree id of the folder). */
  String sourceDigest();

  /** Digest of the resolved configuration (see {@link ContentDigest#ofConfiguration}). */
  String configDigest();

  @Value.Default
  default Map<String, Object> vars() {
    return FrozenMap.of();
  }

  @Value.Default
  default Map<String, Object> env() {
    return FrozenMap.of();
  }

  @Value.Default
  default Map<String, Object> settings() {
    return FrozenMap.of();
  }

  /** {@code backend_type}, e.g. {@code s3}. */
  @Value.Default
  default Optional<String> backendType() {
    return Optional.empty();
  }

  /** The backend configuration of the chosen type. */
  @Value.Default
  default Map<String, Object> backend() {
    return FrozenMap.of();
  }

  /** The Terraform workspace, as Atmos computes it. */
  @Value.Default
  default Optional<String> workspace() {
    return Optional.empty();
  }

  /** The backend {@code workspace_key_prefix}, as Atmos computes it. */
  @Value.Default
  default Optional<String> workspaceKeyPrefix() {
    return Optional.empty();
  }

  /**
   * The stack's context prefix, as Atmos names what it writes for the instance: the var file
   * {@code <prefix>-<component>.terraform.tfvars.json}, the plan file, the default workspace. The
   * loader sets it as Atmos computes it (the manifest's {@code name:}, the rendered name template,
   * the name pattern's result or the manifest's path), with {@code /} as {@code -}; by default, the
   * stack name with {@code /} as {@code -}. Like the location, it takes no part in equality: the
   * stack name decides it.
   */
  @Value.Auxiliary
  @Value.Default
  default String contextPrefix() {
    return stack().replace('/', '-');
  }

  /** The Terraform workspace the instance runs in: {@link #workspace()} when known, else Atmos's default for its folder. */
  default String terraformWorkspace() {
    return workspace().orElseGet(() -> defaultWorkspace(folder()));
  }

  /**
   * The workspace Atmos gives this instance deployed from {@code folder} when nothing
   * ({@code metadata.terraform_workspace}, a pattern) sets it: the context prefix when the folder is
   * named after the component, else {@code <prefix>-<component>}; {@code /} as {@code -}.
   */
  default String defaultWorkspace(String folder) {
    String prefix = contextPrefix();
    return (folder.equals(component()) ? prefix : prefix + "-" + component()).replace('/', '-');
  }

  /**
   * The state key prefix: {@link #workspaceKeyPrefix()} when known (the loader's result), else the
   * backend's {@code workspace_key_prefix}, else the folder with {@code /} as {@code -}.
   */
  default String stateKeyPrefix() {
    if (workspaceKeyPrefix().isPresent()) {
      return workspaceKeyPrefix().get();
    }
    Object explicit = backend().get("workspace_key_prefix");
    return explicit != null ? String.valueOf(explicit) : folder().replace('/', '-');
  }

  /** What this instance depends on ({@code settings.depends_on}), resolved to instance ids. */
  @Value.Default
  default List<InstanceId> dependsOn() {
    return List.of();
  }

  @Value.Default
  default ComponentMetadata metadata() {
    return ComponentMetadata.defaults();
  }

  /** A planned divergence declared on the instance ({@code settings.divergence}). */
  @Value.Default
  default Optional<DivergenceDeclaration> divergence() {
    return Optional.empty();
  }

  /** Where the instance is defined. */
  @Value.Auxiliary
  @Value.Default
  default Optional<SourceLocation> location() {
    return Optional.empty();
  }

  /**
   * The stack manifest that defines its stack, relative to the stacks base path without extension
   * ({@code deploy/prod/us-east-1}); empty when the instance was not loaded from manifests.
   */
  @Value.Auxiliary
  @Value.Default
  default Optional<String> manifest() {
    return Optional.empty();
  }

  /** The Atmos component type: {@code terraform} (the default), {@code helmfile}, ... */
  @Value.Auxiliary
  @Value.Default
  default String componentType() {
    return "terraform";
  }

  /**
   * The stack manifests its configuration is read from, as Atmos lists them in {@code imports}:
   * paths relative to the stacks base path, without extension ({@code catalog/vpc}). Affected
   * names the import whose change changed the instance. Like the location, it takes no part in
   * equality.
   */
  @Value.Auxiliary
  @Value.Default
  default List<String> imports() {
    return List.of();
  }

  /**
   * The value with frozen maps and immutable lists, none holding {@code null}: copies only what is
   * not already so.
   */
  @Value.Check
  default Instance frozen() {
    Map<String, Object> vars = frozen(vars(), "vars");
    Map<String, Object> env = frozen(env(), "env");
    Map<String, Object> settings = frozen(settings(), "settings");
    Map<String, Object> backend = frozen(backend(), "backend");
    List<InstanceId> dependsOn = List.copyOf(dependsOn());
    List<String> imports = List.copyOf(imports());
    if (vars == vars() && env == env() && settings == settings() && backend == backend() && dependsOn == dependsOn()
        && imports == imports()) {
      return this;
    }
    return withVars(vars).withEnv(env).withSettings(settings).withBackend(backend).withDependsOn(dependsOn)
        .withImports(imports);
  }

  private static FrozenMap frozen(Map<String, Object> map, String name) {
    FrozenMap frozen = FrozenMap.copyOf(map);
    if (frozen.hasNulls()) {
      throw new NullPointerException(name + " holds a null key or value: leave the entry out instead");
    }
    return frozen;
  }

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

  /** With {@code backendType}. */
  default Instance withBackendType(String backendType) {
    return withBackendType(Optional.of(backendType));
  }

  /** With {@code workspace}. */
  default Instance withWorkspace(String workspace) {
    return withWorkspace(Optional.of(workspace));
  }

  /** With {@code workspaceKeyPrefix}. */
  default Instance withWorkspaceKeyPrefix(String workspaceKeyPrefix) {
    return withWorkspaceKeyPrefix(Optional.of(workspaceKeyPrefix));
  }

  /** With a declared divergence. */
  default Instance withDivergence(DivergenceDeclaration divergence) {
    return withDivergence(Optional.of(divergence));
  }

  /** With {@code location}. */
  default Instance withLocation(SourceLocation location) {
    return withLocation(Optional.of(location));
  }

  /** With these dependencies. */
  default Instance withDependsOn(InstanceId... dependsOn) {
    return withDependsOn(List.of(dependsOn));
  }

  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an instance. Maps and lists are given whole ({@code vars(map)}: a frozen map is kept
   * as it is) or entry by entry ({@code putVar}, {@code addDependsOn}), not both.
   */
  final class Builder extends ImmutableInstance.Builder {
    private Map<String, Object> vars;
    private Map<String, Object> env;
    private Map<String, Object> settings;
    private Map<String, Object> backend;
    private List<InstanceId> dependsOn;
    private List<String> imports;

    Builder() {}

    public Builder putVar(String key, Object value) {
      vars = put(vars, key, value);
      return this;
    }

    public Builder putAllVars(Map<String, ?> entries) {
      vars = putAll(vars, entries);
      return this;
    }

    public Builder putEnv(String key, Object value) {
      env = put(env, key, value);
      return this;
    }

    public Builder putAllEnv(Map<String, ?> entries) {
      env = putAll(env, entries);
      return this;
    }

    public Builder putSetting(String key, Object value) {
      settings = put(settings, key, value);
      return this;
    }

    public Builder putAllSettings(Map<String, ?> entries) {
      settings = putAll(settings, entries);
      return this;
    }

    public Builder putBackend(String key, Object value) {
      backend = put(backend, key, value);
      return this;
    }

    public Builder putAllBackend(Map<String, ?> entries) {
      backend = putAll(backend, entries);
      return this;
    }

    public Builder backendType(String backendType) {
      return backendType(Optional.of(backendType));
    }

    public Builder workspace(String workspace) {
      return workspace(Optional.of(workspace));
    }

    public Builder workspaceKeyPrefix(String workspaceKeyPrefix) {
      return workspaceKeyPrefix(Optional.of(workspaceKeyPrefix));
    }

    public Builder divergence(DivergenceDeclaration divergence) {
      return divergence(Optional.of(divergence));
    }

    public Builder location(SourceLocation location) {
      return location(Optional.of(location));
    }

    public Builder addDependsOn(InstanceId... ids) {
      return addAllDependsOn(List.of(ids));
    }

    public Builder addAllDependsOn(Iterable<InstanceId> ids) {
      dependsOn = addAll(dependsOn, ids);
      return this;
    }

    public Builder addImport(String... manifests) {
      return addAllImports(List.of(manifests));
    }

    public Builder addAllImports(Iterable<String> manifests) {
      imports = addAll(imports, manifests);
      return this;
    }

    /** Hands what was put and added over, frozen: later puts start new maps, never change these. */
    @Override
    public Instance build() {
      vars = handOver(vars, map -> vars(FrozenMap.adopt(map)));
      env = handOver(env, map -> env(FrozenMap.adopt(map)));
      settings = handOver(settings, map -> settings(FrozenMap.adopt(map)));
      backend = handOver(backend, map -> backend(FrozenMap.adopt(map)));
      dependsOn = handOver(dependsOn, list -> dependsOn(List.copyOf(list)));
      imports = handOver(imports, list -> imports(List.copyOf(list)));
      return super.build();
    }

    /** Gives what was collected, if anything, to {@code setter}; returns what the builder keeps: nothing. */
    private static <T> T handOver(T collected, Consumer<T> setter) {
      if (collected != null) {
        setter.accept(collected);
      }
      return null;
    }

    private static Map<String, Object> put(Map<String, Object> map, String key, Object value) {
      Map<String, Object> result = map == null ? new LinkedHashMap<>() : map;
      result.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, () -> "value of " + key));
      return result;
    }

    private static Map<String, Object> putAll(Map<String, Object> map, Map<String, ?> entries) {
      Map<String, Object> result = map == null ? new LinkedHashMap<>() : map;
      entries.forEach((k, v) -> put(result, k, v));
      return result;
    }

    private static <T> List<T> addAll(List<T> list, Iterable<? extends T> items) {
      List<T> result = list == null ? new java.util.ArrayList<>() : list;
      for (T item : items) {
        result.add(Objects.requireNonNull(item, "element"));
      }
      return result;
    }
  }
}
