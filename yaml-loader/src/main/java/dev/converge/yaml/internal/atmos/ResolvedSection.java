package dev.converge.yaml.internal.atmos;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.yaml.internal.value.ShapedMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One component of one manifest after inheritance and merging: the describe-component map and the
 * facts the desired state needs.
 *
 * @param type component type ({@code terraform}, {@code helmfile}, ...)
 * @param name the Atmos component name
 * @param manifest the manifest's file name (relative to the stacks base path, no extension)
 * @param stack the logical stack name
 * @param folder Atmos's {@code component}: own {@code metadata.component}, else the legacy
 *     {@code component:} chain, else the name
 * @param deployFolder the folder Terraform runs in: the merged {@code metadata.component} (which
 *     may be inherited), else {@link #folder}
 * @param stacksWorkspace the workspace as {@code describe stacks} prints it (no base component)
 * @param section the describe map, open for the loader to add the digests
 * @param raw the component's section in the merged manifest, before inheritance
 * @param vars the merged vars (as evaluated, unless outlined)
 * @param settings the merged settings (as evaluated, unless outlined)
 * @param outlined an abstract base the load outlined: its section holds names and metadata only,
 *     and its configuration is neither evaluated nor digested
 * @param digest where its configuration digest is kept once computed: a copy of the component (a
 *     later load reusing it) shares it, and does not digest the component again
 */
public record ResolvedSection(
    String type,
    String name,
    String manifest,
    String manifestPath,
    String stack,
    StackNames.Name stackName,
    String contextPrefix,
    ShapedMap section,
    String folder,
    String deployFolder,
    Optional<String> workspace,
    Optional<String> stacksWorkspace,
    Optional<String> workspaceKeyPrefix,
    boolean isAbstract,
    boolean enabled,
    boolean locked,
    List<String> inheritance,
    Map<String, Object> raw,
    SourceLocation location,
    Map<String, Object> vars,
    Map<String, Object> settings,
    boolean outlined,
    DigestCell digest) {

  /**
   * With {@code vars} and {@code settings} read from the describe map once: other components'
   * dependencies read them while the loader swaps the describe map's sections for equal copies.
   */
  public ResolvedSection(String type, String name, String manifest, String manifestPath, String stack,
      StackNames.Name stackName, String contextPrefix, ShapedMap section, String folder, String deployFolder, Optional<String> workspace,
      Optional<String> stacksWorkspace, Optional<String> workspaceKeyPrefix, boolean isAbstract, boolean enabled,
      boolean locked, List<String> inheritance, Map<String, Object> raw, SourceLocation location) {
    this(type, name, manifest, manifestPath, stack, stackName, contextPrefix, section, folder, deployFolder, workspace,
        stacksWorkspace, workspaceKeyPrefix, isAbstract, enabled, locked, inheritance, raw, location,
        Values.map(section, "vars"), Values.map(section, "settings"), false, new DigestCell());
  }

  /**
   * A component's configuration digest, computed once, by the first load that needs it; the copies
   * of a component that later loads of the same repository reuse share it. The digest is a function
   * of the resolved configuration, which a reused component has unchanged, and of the kind of digest,
   * which a repository's options fix for all its loads. Two threads asking at once may both compute
   * it and store equal strings.
   */
  public static final class DigestCell {
    /** For outlined abstract bases, which are never digested: nothing is ever stored in it. */
    static final DigestCell NONE = new DigestCell();

    private volatile String digest;

    /** The digest, computed by {@code compute} the first time. */
    public String get(java.util.function.Supplier<String> compute) {
      if (this == NONE) {
        throw new IllegalStateException("an outlined component is not digested");
      }
      String known = digest;
      if (known == null) {
        known = compute.get();
        digest = known;
      }
      return known;
    }
  }

  /** The same component with {@code section} as its describe map (a copy of its own, say). */
  public ResolvedSection withSection(ShapedMap section) {
    return new ResolvedSection(type, name, manifest, manifestPath, stack, stackName, contextPrefix, section, folder,
        deployFolder, workspace, stacksWorkspace, workspaceKeyPrefix, isAbstract, enabled, locked, inheritance, raw,
        location, vars, settings, outlined, digest);
  }

  /** What identifies it in the snapshot: stack, type and name. */
  public String key() {
    return stack + '\u0000' + type + '\u0000' + name;
  }
}
