package dev.converge.yaml.internal.atmos;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.model.DeferredValue;
import dev.converge.yaml.internal.merge.DeepMerge;
import dev.converge.yaml.internal.merge.ListMergeStrategy;
import dev.converge.internal.hint.DidYouMean;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.source.RepoPaths;
import dev.converge.yaml.internal.template.MissingKey;
import dev.converge.yaml.internal.template.TemplateException;
import dev.converge.yaml.internal.template.library.CoreLibrary;
import dev.converge.yaml.internal.value.CompactMap;
import dev.converge.yaml.internal.value.ShapedMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves every component of one merged manifest, as Atmos's {@code ProcessStackConfig} and
 * {@code mergeComponentConfigurations} do.
 *
 * <p>Layers, lowest first: the stack-wide layer (root section merged with the component type's
 * section, e.g. {@code vars} then {@code terraform.vars}; {@code env} starts from atmos.yaml's
 * {@code env}), then the base components, then the component's own section, then its
 * {@code overrides}. Bases come from the legacy {@code component:} attribute first, then
 * {@code metadata.inherits} in order, each resolved depth-first (its own bases before itself), so a
 * later base beats an earlier one and the component beats all of them. A base contributes its map
 * sections and, with {@code stacks.inherit.metadata}, its metadata minus {@code inherits} and
 * {@code type}; it never contributes its {@code overrides}. Scalars ({@code backend_type},
 * {@code command}) are taken from the last base that sets them.
 *
 * <p>The list strategy of these merges is the component's own {@code settings.list_merge_strategy}
 * (from its overrides, its section, or a base), else atmos.yaml's.
 *
 * <p>A cycle in inheritance is reported with every member; a missing base names the component, the
 * base, and the closest defined name.
 */
public final class ComponentResolver {

  private static final List<String> MERGED = List.of("vars", "settings", "env", "auth", "providers", "hooks",
      "generate", "required_providers", "dependencies", "backend", "remote_state_backend", "source", "provision",
      "locals");
  private static final ShapedMap.Shape MERGED_SHAPE = new ShapedMap.Shape(MERGED);
  /** What name_template sees: the merged sections, the metadata, the folder and the component's name. */
  private static final ShapedMap.Shape NAME_DATA = new ShapedMap.Shape(java.util.stream.Stream.concat(MERGED.stream(),
      java.util.stream.Stream.of("metadata", "component", "atmos_component")).toList());
  private static final List<String> OVERRIDABLE = List.of("vars", "settings", "env", "auth", "providers", "hooks",
      "generate", "required_providers");
  /** Per {@link #MERGED} key, whether a component's {@code overrides} may set it. */
  private static final boolean[] OVERRIDES_MERGED = new boolean[MERGED.size()];

  static {
    for (int i = 0; i < MERGED.size(); i++) {
      OVERRIDES_MERGED[i] = OVERRIDABLE.contains(MERGED.get(i));
    }
  }

  private static final List<String> RENDERED = List.of("vars", "settings", "env", "providers", "backend",
      "remote_state_backend", "dependencies");
  /**
   * The keys of a describe map, in the order {@code describe component} prints them: the sections
   * resolved here, then what the loader adds once it has the digests.
   */
  static final ShapedMap.Shape DESCRIBE = new ShapedMap.Shape(List.of("atmos_component", "atmos_stack",
      "atmos_stack_file", "atmos_manifest", "stack", "component", "component_type", "component_info", "vars",
      "settings", "env", "auth", "providers", "hooks", "generate", "required_providers", "required_version",
      "dependencies", "source", "provision", "locals", "metadata", "overrides", "backend_type", "backend",
      "remote_state_backend_type", "remote_state_backend", "command", "inheritance", "imports", "deps", "deps_all",
      "workspace", "folder", "source_digest", "config_digest"));
  private static final Set<String> ROOT_METADATA = Set.of("labels", "tags", "custom", "enabled", "locked",
      "terraform_workspace_pattern");

  private final AtmosConfig config;
  private final Problems problems;
  /** Whether a component may hold a template where the reader marked none ({@link #rendersUnmarked}). */
  private final boolean unmarkedTemplates;
  /** {@code component_info} per component type and folder: the same for every component that deploys it. */
  private final Map<String, Map<String, Object>> componentInfo = new java.util.HashMap<>();
  /** The stack names of the manifest being resolved, each as one string. */
  private final Map<String, String> stacks = new java.util.HashMap<>();
  /** Their context prefixes, each as one string: the instances of a stack share it. */
  private final Map<String, String> contextPrefixes = new java.util.HashMap<>();
  /** Names from stacks.name_pattern, when atmos.yaml has one; this resolver's own (it remembers). */
  private final StackNames.Patterns namePatterns;

  private final TemplateEngine engine;
  /** Evaluates or defers the YAML functions left in a component's values. */
  private final YamlFunctions functions;

  /**
   * A resolver whose {@code !env} reads {@code environment} (after the component's env section),
   * counting what it defers in {@code deferred}.
   */
  ComponentResolver(AtmosConfig config, Problems problems, TemplateEngine engine, Map<String, String> environment,
      Optional<Exec> exec, YamlFunctions.Tally deferred) {
    this(config, problems, engine, environment, exec, deferred, Optional.empty(), false, Optional.empty());
  }

  /**
   * @param versions the Version Tracker's lock file, when the repository has one
   * @param outlineAbstract whether the manifests' abstract bases are outlined rather than resolved
   *     ({@link #outline}); a base another component's template reads is resolved all the same
   * @param only when present, the names of the components to resolve; the others are read only as
   *     far as those need them (bases, {@code atmos.Component})
   */
  ComponentResolver(AtmosConfig config, Problems problems, TemplateEngine engine, Map<String, String> environment,
      Optional<Exec> exec, YamlFunctions.Tally deferred, Optional<VersionLock> versions, boolean outlineAbstract,
      Optional<Set<String>> only) {
    this.versions = versions;
    this.outlineAbstract = outlineAbstract;
    this.only = only;
    this.config = config;
    this.namePatterns = config.namePattern().map(StackNames.Patterns::new).orElse(null);
    this.engine = engine;
    this.problems = problems;
    this.unmarkedTemplates = rendersUnmarked(config);
    this.functions = new YamlFunctions(environment, exec, deferred, problems);
  }

  private final boolean outlineAbstract;
  private final Optional<VersionLock> versions;
  private final Optional<Set<String>> only;

  /** The Version Tracker track a stack asserts ({@code version: {track: ...}}), else atmos.yaml's, else default. */
  private String track(ManifestProcessor.Manifest manifest) {
    return Values.string(Values.map(manifest.document(), "version"), "track").filter(t -> !t.isEmpty())
        .orElseGet(config::versionTrack);
  }

  /** {@code !version}'s view of the lock file for the manifest's track; null without a lock file. */
  private YamlFunctions.Locked locked(ManifestProcessor.Manifest manifest) {
    if (versions.isEmpty()) {
      return null;
    }
    String track = track(manifest);
    Map<String, String> byName = new LinkedHashMap<>();
    versions.get().references(track, config).forEach((name, ref) ->
        versions.get().locked(track, name).ifPresent(v -> byName.put(name, v)));
    return new YamlFunctions.Locked(track, config.versionLockFile(), byName);
  }

  /** A component of the manifest being resolved whose stack name fell back to the file name. */
  private record Unnamed(String component, String reason, SourceLocation location) {}

  /** In the order met, each once. */
  private final Set<Unnamed> unnamed = new LinkedHashSet<>();
  /** Whether a component of the manifest being resolved was named by name_template. */
  private boolean named;

  public List<ResolvedSection> resolve(ManifestProcessor.Manifest manifest) {
    List<ResolvedSection> result = resolveComponents(manifest);
    reportUnnamed(manifest);
    return result;
  }

  /**
   * Components the name template could not name. When the template named others of the same
   * manifest, the manifest is a stack and each of these lacks a value it needs: an error, as Atmos
   * gives it. When it named none, the file is most likely not a stack at all (a catalog file the
   * included paths take in, which Atmos's describe component never names): it is named by its
   * file, with one warning.
   */
  private void reportUnnamed(ManifestProcessor.Manifest manifest) {
    if (unnamed.isEmpty()) {
      return;
    }
    if (named) {
      for (Unnamed u : unnamed) {
        problems.error("stack-name", "component `" + u.component() + "` in stack manifest " + manifest.path() + ": "
            + u.reason(), u.location(), "give the component the values stacks.name_template reads");
      }
    } else {
      problems.warning("stack-name-fallback", "stack " + manifest.name() + " is named by its file: "
          + unnamed.iterator().next().reason(), SourceLocation.ofFile(manifest.path()),
          "set the values it needs or `name:` in the manifest, or exclude the file from stacks.included_paths"
          + " (Atmos's describe stacks refuses it)");
    }
  }

  /** The manifest being resolved, for {@code atmos.Component}: its components resolved so far and in progress. */
  private ManifestProcessor.Manifest current;
  private final Map<String, ResolvedSection> done = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  private final Map<String, Globals> globalsByType = new HashMap<>();

  private List<ResolvedSection> resolveComponents(ManifestProcessor.Manifest manifest) {
    stacks.clear();
    unnamed.clear();
    named = false;
    current = manifest;
    done.clear();
    inProgress.clear();
    globalsByType.clear();
    List<ResolvedSection> result = new ArrayList<>();
    boolean skipped = resolveEach(manifest, true, result);
    if (skipped && !unnamed.isEmpty() && !named && config.nameTemplate().isPresent()) {
      // Whether the template cannot name an asked component because this manifest is a stack that
      // lacks a value (an error) or because the file is no stack at all (a warning) is told by the
      // components it does name: resolve the others too, as a load of every component does.
      resolveEach(manifest, false, new ArrayList<>());
    }
    current = null;
    done.clear();
    return result;
  }

  /**
   * Resolves the manifest's components into {@code result}: those asked for ({@link #only}, or every
   * one) when {@code asked}, else the others. Returns whether it left any out.
   */
  private boolean resolveEach(ManifestProcessor.Manifest manifest, boolean asked, List<ResolvedSection> result) {
    boolean left = false;
    Map<String, Object> components = Values.map(manifest.document(), "components");
    for (Map.Entry<String, Object> typeEntry : components.entrySet()) {
      String type = typeEntry.getKey();
      Map<String, Object> byName = Values.map(typeEntry.getValue());
      for (Map.Entry<String, Object> c : byName.entrySet()) {
        if (!(c.getValue() instanceof Map) && c.getValue() != null) {
          continue;
        }
        if (only.isPresent() && only.get().contains(c.getKey()) != asked) {
          left = true;
          continue;
        }
        result.add(resolved(type, c.getKey(), !outlineAbstract));
      }
    }
    return left;
  }

  /**
   * A component of the current manifest, resolved once (atmos.Component may ask for it first); an
   * abstract base only outlined unless {@code whole}, or resolved whole when it was outlined before.
   */
  private ResolvedSection resolved(String type, String name, boolean whole) {
    String key = type + "/" + name;
    ResolvedSection known = done.get(key);
    if (known != null && (!known.outlined() || !whole)) {
      return known;
    }
    Map<String, Object> doc = current.document();
    Globals globals = globalsByType.computeIfAbsent(type, t -> globals(doc, t));
    inProgress.add(key);
    try {
      ResolvedSection section = resolveOne(current, Values.string(doc, "name"), type, name,
          Values.map(Values.map(doc, "components"), type), globals, whole);
      done.put(key, section);
      return section;
    } finally {
      inProgress.remove(key);
    }
  }

  /**
   * Atmos's {@code atmos.Component "name" stack}: the described configuration of a component of the
   * same stack (terraform first, as Atmos looks it up), with {@code outputs} that cannot be read
   * here (a Terraform component's outputs are its state: reading them defers the value; other
   * types have none). Another stack, an unknown component or a cycle is the outside world too.
   */
  private Object componentFunction(List<Object> args) {
    if (args.size() != 2) {
      throw new TemplateException(
          "wrong number of args for Component: want 2 got " + args.size());
    }
    String component = String.valueOf(args.get(0));
    String stack = String.valueOf(args.get(1));
    Map<String, Object> components = Values.map(current.document(), "components");
    List<String> types = new ArrayList<>(List.of("terraform", "helmfile", "packer"));
    components.keySet().stream().filter(t -> !types.contains(t)).forEach(types::add);
    for (String type : types) {
      if (!(Values.map(components, type).get(component) instanceof Map)) {
        continue;
      }
      if (inProgress.contains(type + "/" + component)) {
        throw CoreLibrary.outsideWorld("atmos.Component",
            "a component whose templates read this one (a cycle)");
      }
      ResolvedSection target = resolved(type, component, true);
      if (!target.stack().equals(stack)) {
        break;
      }
      Map<String, Object> described = new LinkedHashMap<>(target.section());
      if (type.equals("terraform")) {
        described.put("outputs", UNREADABLE_OUTPUTS);
      }
      return new Readable(described);
    }
    throw CoreLibrary.outsideWorld("atmos.Component",
        "Terraform outputs and other stacks' components");
  }

  /**
   * Another component's configuration as a template reads it: reading a value deferred there (its
   * own outside-world functions, or a cycle) defers the reader too, rather than printing it.
   */
  private static final class Readable extends java.util.AbstractMap<String, Object> {
    private final Map<String, Object> map;

    Readable(Map<String, Object> map) {
      this.map = map;
    }

    static Object wrap(Object v) {
      if (v instanceof DeferredValue) {
        throw CoreLibrary.outsideWorld("atmos.Component",
            "a value deferred in that component");
      }
      if (v instanceof Readable || v == UNREADABLE_OUTPUTS) {
        return v;
      }
      if (v instanceof Map<?, ?> m) {
        return new Readable(Values.map(m));
      }
      if (v instanceof List<?> l) {
        List<Object> items = new ArrayList<>(l.size());
        l.forEach(item -> items.add(wrap(item)));
        return items;
      }
      return v;
    }

    @Override
    public Object get(Object key) {
      return wrap(map.get(key));
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      Set<Map.Entry<String, Object>> entries = new java.util.LinkedHashSet<>();
      map.forEach((k, v) -> entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(k, wrap(v))));
      return entries;
    }
  }

  /** A Terraform component's outputs: any read of them needs its state, so the value is deferred. */
  private static final Map<String, Object> UNREADABLE_OUTPUTS = new java.util.AbstractMap<>() {
    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      throw CoreLibrary.outsideWorld("atmos.Component",
          "Terraform outputs");
    }

    @Override
    public Object get(Object key) {
      throw CoreLibrary.outsideWorld("atmos.Component",
          "Terraform outputs");
    }

    @Override
    public boolean containsKey(Object key) {
      throw CoreLibrary.outsideWorld("atmos.Component",
          "Terraform outputs");
    }
  };

  private record Globals(Map<String, Map<String, Object>> sections, Map<String, Object> metadata,
      Optional<String> backendType, Optional<String> remoteStateBackendType, Optional<String> command,
      Optional<Object> requiredVersion) {}

  private Globals globals(Map<String, Object> doc, String type) {
    ListMergeStrategy s = config.listMergeStrategy();
    Map<String, Object> typed = Values.map(doc, type);
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    for (String key : List.of("vars", "settings", "auth", "hooks", "generate", "dependencies")) {
      sections.put(key, DeepMerge.mergeAll(s, Values.map(doc, key), Values.map(typed, key)));
    }
    sections.put("env", DeepMerge.mergeAll(s, config.env(), Values.map(doc, "env"), Values.map(typed, "env")));
    for (String key : List.of("providers", "backend", "remote_state_backend", "required_providers", "source", "provision")) {
      sections.put(key, Values.map(typed, key));
    }
    Map<String, Object> metadata = new CompactMap();
    DeepMerge.mergeAll(s, Values.map(doc, "metadata"), Values.map(typed, "metadata")).forEach((k, v) -> {
      if (ROOT_METADATA.contains(k)) {
        metadata.put(k, v);
      }
    });
    return new Globals(sections, metadata, nonEmpty(typed.get("backend_type")),
        nonEmpty(typed.get("remote_state_backend_type")),
        nonEmpty(typed.get("command")).or(() -> Optional.ofNullable(config.componentCommands().get(type))),
        Optional.ofNullable(typed.get("required_version")));
  }

  private static Optional<String> nonEmpty(Object value) {
    return value instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
  }

  /** What the bases of one component add up to. */
  private static final class Bases {
    final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    Map<String, Object> metadata = Map.of();
    Optional<String> backendType = Optional.empty();
    Optional<String> remoteStateBackendType = Optional.empty();
    Optional<String> command = Optional.empty();
    Optional<Object> requiredVersion = Optional.empty();
    final LinkedList<String> inheritance = new LinkedList<>();
    final List<String> order = new ArrayList<>();
  }

  private static final Bases NO_BASES = new Bases();

  /** The inheritance walks done, by the component section walked (by identity). */
  private final Map<Map<String, Object>, Walk> walks = new java.util.IdentityHashMap<>();

  /**
   * One walk over a component's bases: what it looked up in the stack's components and found (by
   * identity), and what it made of them. Another stack holding the same section and the same bases
   * gets the same result. Nothing writes to {@link #bases} once the walk is done.
   */
  private record Walk(String name, String[] looked, Object[] found, List<String> probeOrder,
      ListMergeStrategy strategy, Bases bases, Optional<String> legacyFolder) {
    /** Whether walking {@code name}'s bases in {@code byName} again would look up and find the same. */
    boolean holds(String name, Map<String, Object> byName) {
      if (!this.name.equals(name)) { // one section under two names (a YAML alias) walks differently
        return false;
      }
      for (int i = 0; i < looked.length; i++) {
        if (byName.get(looked[i]) != found[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** The stack's components, remembering each lookup and what it found. */
  private static final class Lookups extends java.util.AbstractMap<String, Object> {
    private final Map<String, Object> byName;
    private final List<String> names = new ArrayList<>(4);
    private final List<Object> found = new ArrayList<>(4);

    Lookups(Map<String, Object> byName) {
      this.byName = byName;
    }

    @Override
    public Object get(Object key) {
      Object value = byName.get(key);
      names.add((String) key);
      found.add(value);
      return value;
    }

    @Override
    public boolean containsKey(Object key) {
      get(key); // remembered as a lookup, like any other
      return byName.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return byName.entrySet();
    }

    String[] names() {
      return names.toArray(String[]::new);
    }

    Object[] found() {
      return found.toArray();
    }
  }

  private ResolvedSection resolveOne(ManifestProcessor.Manifest manifest, Optional<String> explicitName, String type,
      String name, Map<String, Object> byName, Globals globals, boolean whole) {
    Layers layers = layers(manifest, type, name, byName, globals);
    Merged merged = merge(manifest, layers, globals);
    Names names = names(manifest, explicitName, name, layers, merged, globals);
    if (!whole && isAbstract(layers)) {
      return outline(manifest, type, name, layers, merged, names);
    }
    evaluate(manifest, name, layers, merged, names);
    Backends backends = backends(manifest, type, name, layers, merged, names, globals);
    return describe(manifest, type, name, layers, merged, names, backends, globals);
  }

  private static boolean isAbstract(Layers layers) {
    return "abstract".equals(layers.ownMetadata().get("type"));
  }

  /** A describe map holding the component's names: its own, its stack's, its manifest's, its folder's. */
  private static ShapedMap describeNames(ManifestProcessor.Manifest manifest, String type, String name, String stack,
      String folder) {
    ShapedMap section = DESCRIBE.newMap();
    section.put("atmos_component", name);
    section.put("atmos_stack", stack);
    section.put("atmos_stack_file", manifest.name());
    section.put("atmos_manifest", manifest.name());
    section.put("stack", stack);
    section.put("component", folder);
    section.put("component_type", type);
    return section;
  }

  /**
   * An abstract base as a load that plans needs it: its stack, names, folder, metadata and
   * inheritance, and its sections merged but neither evaluated nor digested. Its describe map holds
   * the names, metadata, inheritance, imports and workspace.
   */
  private ResolvedSection outline(ManifestProcessor.Manifest manifest, String type, String name, Layers layers,
      Merged merged, Names names) {
    Map<String, Object> metadata = merged.metadata();
    String folder = layers.folder();
    String stack = names.stack();
    List<String> inheritance = List.copyOf(layers.bases().inheritance);
    ShapedMap section = describeNames(manifest, type, name, stack, folder);
    section.put("metadata", metadata);
    section.put("inheritance", inheritance);
    section.put("imports", manifest.imports());
    names.workspace().ifPresent(w -> section.put("workspace", w));
    return new ResolvedSection(type, name, manifest.name(), manifest.path(), stack, names.stackName(),
        names.contextPrefix(), section, folder, nonEmpty(metadata.get("component")).orElse(folder), names.workspace(),
        names.stacksWorkspace(), Optional.empty(), true, Values.bool(metadata.get("enabled"), true),
        Values.bool(metadata.get("locked"), false), inheritance, layers.own(), layers.location(),
        Values.map(merged.sections(), "vars"), Values.map(merged.sections(), "settings"), true,
        ResolvedSection.DigestCell.NONE);
  }

  /** What a component is made of before any merge: its own section, its bases, its folder. */
  private record Layers(Map<String, Object> own, Map<String, Object> ownMetadata, Map<String, Object> overrides,
      SourceLocation location, ListMergeStrategy strategy, Bases bases, String folder, boolean derived) {}

  private Layers layers(ManifestProcessor.Manifest manifest, String type, String name, Map<String, Object> byName,
      Globals globals) {
    Map<String, Object> own = Values.map(byName.get(name));
    Map<String, Object> ownMetadata = Values.map(own, "metadata");
    SourceLocation location = manifest.definitions().getOrDefault(type + "/" + name,
        SourceLocation.ofFile(manifest.path()));

    // The component's list strategy decides every merge below, so find it first. Most components
    // inherit nothing: they share one empty Bases, which nothing writes to.
    boolean inherits = own.containsKey("component") || ownMetadata.containsKey("inherits");
    if (!inherits) {
      return layers(own, ownMetadata, location, strategyOf(own, NO_BASES.order, byName, globals), NO_BASES,
          Optional.empty(), name);
    }
    // The stacks importing one catalog file hold its component sections as the same objects: the walk
    // over their bases is done again only where a base looked up is another object, or it found a problem.
    Walk walk = walks.get(own);
    boolean known = walk != null && walk.holds(name, byName);
    List<String> probeOrder = known ? walk.probeOrder : null;
    Lookups lookups = known ? null : new Lookups(byName);
    int reported = problems.size();
    if (!known) {
      Bases probe = new Bases();
      walkBases(name, own, lookups, probe, new HashSet<>(), location, ListMergeStrategy.REPLACE, false);
      probeOrder = probe.order;
    }
    ListMergeStrategy strategy = strategyOf(own, probeOrder, byName, globals);
    if (known && walk.strategy == strategy) {
      return layers(own, ownMetadata, location, strategy, walk.bases, walk.legacyFolder, name);
    }
    if (lookups == null) {
      lookups = new Lookups(byName);
    }
    Bases bases = new Bases();
    walkBases(name, own, lookups, bases, new HashSet<>(), location, strategy, true);
    Optional<String> legacyFolder = own.containsKey("component")
        ? legacyFolder(type, name, own, lookups, location, new HashSet<>()) : Optional.empty();
    if (problems.size() == reported) {
      walks.put(own, new Walk(name, lookups.names(), lookups.found(), probeOrder, strategy, bases, legacyFolder));
    }
    return layers(own, ownMetadata, location, strategy, bases, legacyFolder, name);
  }

  private Layers layers(Map<String, Object> own, Map<String, Object> ownMetadata,
      SourceLocation location, ListMergeStrategy strategy, Bases bases, Optional<String> legacyFolder, String name) {
    Optional<String> ownFolder = nonEmpty(ownMetadata.get("component"));
    String folder = ownFolder.or(() -> legacyFolder).orElse(name);
    return new Layers(own, ownMetadata, Values.map(own, "overrides"), location, strategy, bases, folder,
        !folder.equals(name));
  }

  /** The merged sections, the `!append`-style merges a YAML function defers, and the metadata. */
  private record Merged(ShapedMap sections, Map<String, List<DeferredMerge.Pending>> deferred,
      Map<String, Object> metadata) {}

  private Merged merge(ManifestProcessor.Manifest manifest, Layers layers, Globals globals) {
    Bases bases = layers.bases();
    ShapedMap merged = MERGED_SHAPE.newMap();
    Map<String, List<DeferredMerge.Pending>> deferredMerges = Map.of();
    for (int i = 0; i < MERGED.size(); i++) {
      String key = MERGED.get(i);
      Map<String, Object> layerGlobal = globals.sections().get(key);
      Map<String, Object> layerBases = bases == NO_BASES ? null : bases.sections.get(key);
      Map<String, Object> layerOwn = Values.map(layers.own(), key);
      Map<String, Object> layerOverrides = OVERRIDES_MERGED[i] && !layers.overrides().isEmpty()
          ? Values.map(layers.overrides(), key) : null;
      Map<String, Object> value = DeepMerge.mergeAll(layers.strategy(), layerGlobal, layerBases, layerOwn,
          layerOverrides);
      merged.put(key, value);
      if (manifest.functions() && DeferredMerge.SECTIONS.contains(key)) {
        List<DeferredMerge.Pending> pending = DeferredMerge.collect(
            java.util.Arrays.asList(layerGlobal, layerBases, layerOwn, layerOverrides));
        if (!pending.isEmpty()) {
          if (deferredMerges.isEmpty()) {
            deferredMerges = new LinkedHashMap<>();
          }
          deferredMerges.put(key, pending);
        }
      }
    }
    Map<String, Object> ownMetadata = layers.ownMetadata();
    Map<String, Object> metadata = DeepMerge.mergeAll(layers.strategy(), globals.metadata(), bases.metadata,
        ownMetadata);
    if (ownMetadata.containsKey("terraform_workspace") && !ownMetadata.containsKey("terraform_workspace_pattern")) {
      metadata = new CompactMap(metadata);
      metadata.remove("terraform_workspace_pattern");
      metadata.remove("terraform_workspace_template");
    }
    return new Merged(merged, deferredMerges, metadata);
  }

  /** The stack the component lands in, and its workspaces. */
  private record Names(StackNames.Name stackName, String stack, String contextPrefix, Optional<String> workspace,
      Optional<String> stacksWorkspace) {}

  /**
   * Names, as Atmos resolves them before it renders templates: name_template over the whole
   * component section as merged, then the workspace from the same values.
   */
  private Names names(ManifestProcessor.Manifest manifest, Optional<String> explicitName, String name, Layers layers,
      Merged merged, Globals globals) {
    String folder = layers.folder();
    Map<String, Object> metadata = merged.metadata();
    Map<String, Object> vars = Values.map(merged.sections(), "vars");
    // name_template reads the whole section; a name_pattern, vars alone
    Map<String, Object> nameData = merged.sections();
    if (StackNames.byTemplate(config, explicitName)) {
      ShapedMap data = NAME_DATA.newMap();
      merged.sections().forEach(data::put);
      data.put("metadata", metadata);
      data.put("component", folder);
      data.put("atmos_component", name);
      nameData = data;
    }
    StackNames.Name stackName = StackNames.resolve(config, engine, explicitName, manifest.name(), nameData,
        namePatterns);
    if (stackName.fallbackReason().isPresent()) {
      // a set: an outlined base that atmos.Component then reads is named twice
      unnamed.add(new Unnamed(name, stackName.fallbackReason().get(), layers.location()));
    } else if (stackName.source() == StackNames.Source.TEMPLATE) {
      named = true;
    }
    stackName.error().ifPresent(reason -> problems.error("stack-name", "component `" + name + "` in stack manifest "
        + manifest.path() + ": " + reason, layers.location(), "give the component the values stacks.name_template "
        + "reads, or set `name:` in the manifest"));

    String backendTypeForWorkspace = nonEmpty(layers.own().get("backend_type")).or(() -> layers.bases().backendType)
        .or(globals::backendType).orElse("");
    boolean workspacesOff = !config.workspacesEnabled() || backendTypeForWorkspace.equals("http");
    Optional<String> workspace = workspacesOff ? Optional.of("default")
        : Optional.of(workspace(stackName.contextPrefix(), name, folder, layers.derived(), metadata, vars));
    Optional<String> stacksWorkspace = workspacesOff ? workspace
        : Optional.of(workspace(stackName.contextPrefix(), name, folder, false, metadata, vars));
    if (stacksWorkspace.equals(workspace)) {
      stacksWorkspace = workspace; // one object for both, as most components have: it lives as long as the snapshot
    }

    // one string per stack of the manifest: comparisons and lookups by stack then find it by reference
    String stack = stacks.computeIfAbsent(stackName.value(), value -> value);
    // as the file names Atmos writes hold it: no `/` (a template or `name:` may put one in)
    String contextPrefix = contextPrefixes.computeIfAbsent(stackName.contextPrefix().replace('/', '-'), value -> value);
    return new Names(stackName, stack, contextPrefix, workspace, stacksWorkspace);
  }

  /**
   * Whether, under {@code config}, a component may hold a template to render although no file of its
   * manifest is marked templated: the reader marks files holding {@code {{}, so only atmos.yaml's env
   * (merged into every component's) or other delimiters (looked for in every string) can add one.
   */
  static boolean rendersUnmarked(AtmosConfig config) {
    return Templates.anyTemplate(config.env()) || !config.templateSettings().leftDelimiter().equals("{{");
  }

  /** Go templates, then YAML functions, in the merged sections, which it updates in place. */
  private void evaluate(ManifestProcessor.Manifest manifest, String name, Layers layers, Merged merged, Names names) {
    ShapedMap sections = merged.sections();
    Map<String, Object> metadata = merged.metadata();
    SourceLocation location = layers.location();
    String workspace = names.workspace().orElse("");
    if (manifest.templated() || unmarkedTemplates) {
      if (config.templatesEnabled()) {
        Map<String, Object> data = templateData(sections, metadata, name, names.stack(), manifest, layers.folder(),
            workspace);
        versions.ifPresent(v -> data.put("version", v.references(track(manifest), config)));
        Map<String, Object> locals = Values.map(sections, "locals");
        if (!locals.isEmpty()) {
          Map<String, Object> resolved = componentLocals(manifest, name, locals, data, location);
          data.put("locals", resolved);
          sections.put("locals", resolved); // described resolved, as Atmos describes them
        }
        renderTemplates(manifest, name, sections, data, location);
      } else if (anyRenderedTemplate(sections)) {
        problems.warning("templates-disabled", "stack values hold Go templates, but templating is disabled in "
            + "atmos.yaml (templates.settings.enabled); they are kept as written, as Atmos keeps them",
            SourceLocation.ofFile(AtmosConfig.FILE), "set templates.settings.enabled: true in atmos.yaml to render them");
      }
    }
    if (manifest.functions()) {
      Map<String, Object> env = Values.map(sections, "env");
      YamlFunctions.Locked locked = locked(manifest);
      for (String key : MERGED) {
        Object value = sections.get(key);
        Object evaluated = functions.evaluate(value, env, metadata, locked, location);
        if (evaluated != value) {
          sections.put(key, evaluated == YamlFunctions.UNSET ? Map.of() : evaluated);
        }
      }
      if (!merged.deferred().isEmpty()) {
        deferredMerge(merged.deferred(), sections, metadata, name, names.stack(), manifest, layers.folder(), workspace,
            layers.strategy(), location);
      }
    }
  }

  /** The backend of the chosen type, with Atmos's default key, and the remote state backend. */
  private record Backends(String backendType, Map<String, Object> backend, Optional<String> workspaceKeyPrefix,
      String remoteType, Map<String, Object> remote) {}

  private Backends backends(ManifestProcessor.Manifest manifest, String type, String name, Layers layers,
      Merged merged, Names names, Globals globals) {
    Map<String, Object> own = layers.own();
    Bases bases = layers.bases();
    String stack = names.stack();
    // Backend: the map of the chosen type only, with Atmos's default key prefix.
    String backendType = nonEmpty(own.get("backend_type")).or(() -> bases.backendType).or(globals::backendType).orElse("");
    Map<String, Object> backends = Values.map(merged.sections(), "backend");
    Map<String, Object> backend = new CompactMap(Values.map(backends, backendType), 1);
    // Atmos refuses both mismatches (ErrBackendTypeMismatch), naming the component and the stack
    boolean terraform = type.equals("terraform");
    if (terraform && !backendType.isEmpty() && !backends.isEmpty() && !backends.containsKey(backendType)) {
      problems.error("backend-type-mismatch", "component \"" + name + "\" in stack \"" + stack + "\": backend_type is \""
          + backendType + "\" but backend: only configures " + String.join(", ", new java.util.TreeSet<>(backends.keySet()))
          + " (" + manifest.name() + ")", layers.location(),
          "add a `" + backendType + "` key under backend:, or change backend_type to match");
    }
    String keyName = nonEmpty(merged.metadata().get("name")).orElse(layers.derived() ? layers.folder() : name)
        .replace("/", config.prefixSeparator());
    defaultKey(backendType, backend, keyName);
    Optional<String> workspaceKeyPrefix = switch (backendType) {
      case "s3" -> Values.text(backend.get("workspace_key_prefix"));
      case "gcs" -> Values.text(backend.get("prefix"));
      case "azurerm" -> Values.text(backend.get("key"));
      default -> Optional.empty();
    };
    String remoteType = nonEmpty(own.get("remote_state_backend_type")).or(() -> bases.remoteStateBackendType)
        .or(globals::remoteStateBackendType).orElse(backendType);
    java.util.Set<String> remoteKeys = new java.util.TreeSet<>();
    remoteKeys.addAll(Values.map(globals.sections().get("remote_state_backend")).keySet());
    remoteKeys.addAll(Values.map(bases.sections.get("remote_state_backend")).keySet());
    remoteKeys.addAll(Values.map(own, "remote_state_backend").keySet());
    if (terraform && !remoteType.isEmpty() && !remoteKeys.isEmpty() && !remoteKeys.contains(remoteType)) {
      problems.error("backend-type-mismatch", "component \"" + name + "\" in stack \"" + stack
          + "\": remote_state_backend_type is \"" + remoteType + "\" but remote_state_backend: only configures "
          + String.join(", ", remoteKeys) + " (" + manifest.name() + ")", layers.location(),
          "add a `" + remoteType + "` key under remote_state_backend:, or change remote_state_backend_type to match");
    }
    Map<String, Object> remoteBase = remoteType.equals(backendType) ? backend : Values.map(backends, remoteType);
    Map<String, Object> remote = DeepMerge.mergeAll(layers.strategy(), remoteBase,
        Values.map(globals.sections().get("remote_state_backend"), remoteType),
        Values.map(bases.sections.get("remote_state_backend"), remoteType),
        Values.map(Values.map(own, "remote_state_backend"), remoteType));
    return new Backends(backendType, backend, workspaceKeyPrefix, remoteType, remote);
  }

  /** The describe map, as Atmos's describe component shows it, and the section resolved. */
  private ResolvedSection describe(ManifestProcessor.Manifest manifest, String type, String name, Layers layers,
      Merged merged, Names names, Backends backends, Globals globals) {
    Map<String, Object> own = layers.own();
    Bases bases = layers.bases();
    Map<String, Object> overrides = layers.overrides();
    Map<String, Object> metadata = merged.metadata();
    String folder = layers.folder();
    String stack = names.stack();
    String deployFolder = nonEmpty(metadata.get("component")).orElse(folder);
    String command = nonEmpty(overrides.get("command")).or(() -> nonEmpty(own.get("command"))).or(() -> bases.command)
        .or(globals::command).orElse(type);
    Object requiredVersion = Optional.ofNullable(own.get("required_version")).or(() -> bases.requiredVersion)
        .or(globals::requiredVersion).orElse("");

    boolean isAbstract = isAbstract(layers);
    boolean enabled = Values.bool(metadata.get("enabled"), true);
    boolean locked = Values.bool(metadata.get("locked"), false);

    ShapedMap section = describeNames(manifest, type, name, stack, folder);
    section.put("component_info", componentInfo.computeIfAbsent(type + "\u0000" + deployFolder, k -> {
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("component_type", type);
      info.put("component_path", RepoPaths.join(config.componentBasePath(type), deployFolder));
      return java.util.Collections.unmodifiableMap(info);
    }));
    // the merged sections as they are, but backend and remote_state_backend: of the chosen type only
    // (the shape, not the order of these puts, orders the describe map)
    merged.sections().forEach((key, value) -> {
      // a component's own locals (with its bases') are described, as Atmos describes them, when it has any
      if (!key.equals("locals") || !Values.map(value).isEmpty()) {
        section.put(key, value);
      }
    });
    section.put("required_version", requiredVersion);
    section.put("metadata", metadata);
    section.put("overrides", overrides);
    section.put("backend_type", backends.backendType());
    section.put("backend", backends.backend());
    section.put("remote_state_backend_type", backends.remoteType());
    section.put("remote_state_backend", backends.remote());
    section.put("command", command);
    section.put("inheritance", List.copyOf(bases.inheritance));
    section.put("imports", manifest.imports());
    // deps and deps_all are for describe alone (not digested, not in templates): worked out when read
    LazyDeps deps = new LazyDeps(filesOfType(manifest, type), section);
    section.put("deps", deps);
    section.put("deps_all", deps.all);
    names.workspace().ifPresent(w -> section.put("workspace", w));

    return new ResolvedSection(type, name, manifest.name(), manifest.path(), stack, names.stackName(),
        names.contextPrefix(), section,
        folder, deployFolder, names.workspace(), names.stacksWorkspace(), backends.workspaceKeyPrefix(), isAbstract,
        enabled, locked, List.copyOf(bases.inheritance), own, layers.location());
  }


  /**
   * Go templates inside component values, as Atmos renders them (plain lookups only), over the
   * component's own sections. Only called when a file of the manifest, or atmos.yaml's env, has a
   * string with a template in it: no other string can hold one.
   */
  private void renderTemplates(ManifestProcessor.Manifest manifest, String name, ShapedMap merged,
      Map<String, Object> data, SourceLocation location) {
    // Atmos renders component sections with missingkey=default: a missing value prints <no value>
    List<String> failed = new ArrayList<>(0);
    List<String> noValue = new ArrayList<>(0);
    TemplateEngine.Failures failures = new TemplateEngine.Failures() {
      @Override
      public void failed(String text, TemplateException e) {
        failed.add(e.getMessage());
      }

      @Override
      public void deferred(DeferredValue value) {
        functions.defer(value.withLocation(location));
      }
    };
    // the component's settings.templates.settings.env, as Atmos sets them while it renders this component
    TemplateEngine.Scope scope = engine.component(AtmosConfig.environmentOf(
        Values.path(Values.map(merged, "settings"), "templates", "settings", "env")));
    if (current != null && RENDERED.stream().anyMatch(k -> Values.anyString(merged.get(k),
        text -> text.contains("atmos.Component")))) {
      scope = scope.readingComponents(CoreLibrary.atmos(
          this::componentFunction));
    }
    for (int pass = 0; pass < config.templateSettings().evaluations(); pass++) {
      boolean more = false;
      for (String key : RENDERED) {
        Map<String, Object> value = Values.map(merged, key);
        Object rendered = TemplateEngine.renderValues(scope, "describe-stacks-all-sections", value, data,
            MissingKey.DEFAULT, failures);
        if (rendered != value) {
          merged.put(key, Values.map(rendered));
          more |= Templates.anyTemplate(rendered);
          if (pass == 0 && noValue.isEmpty() && !mentionsNoValue(value) && mentionsNoValue(rendered)) {
            noValue.add(key);
          }
        }
      }
      if (!more || !failed.isEmpty()) {
        break;
      }
      Object locals = data.get("locals");
      data = new LinkedHashMap<>(data); // the next evaluation sees this one's results, as Atmos's do
      data.putAll(merged);
      data.put("locals", locals);
    }
    if (!failed.isEmpty()) {
      problems.error("template-error", "component `" + name + "` in " + manifest.name() + ": " + failed.get(0),
          location, "fix the template; see docs/yaml-loader.md, Go templates");
    }
    if (!noValue.isEmpty()) {
      problems.warning("template-no-value", "component `" + name + "` in " + manifest.name() + ": a template in `"
          + noValue.get(0) + "` refers to a value the component does not have and renders `<no value>`, as Atmos"
          + " renders it", location, "define the value, or use `default` in the template");
    }
  }

  /**
   * Atmos's deferred merge ({@link DeferredMerge}): each layer's value at a path where a layer holds
   * a tracked function, rendered and evaluated as the component's own values were, then merged.
   */
  private void deferredMerge(Map<String, List<DeferredMerge.Pending>> pending, ShapedMap merged,
      Map<String, Object> metadata, String name, String stack, ManifestProcessor.Manifest manifest, String folder,
      String workspace, ListMergeStrategy strategy, SourceLocation location) {
    boolean render = config.templatesEnabled();
    Map<String, Object> data = render ? templateData(merged, metadata, name, stack, manifest, folder, workspace) : Map.of();
    TemplateEngine.Scope scope = engine.component(AtmosConfig.environmentOf(
        Values.path(Values.map(merged, "settings"), "templates", "settings", "env")));
    Map<String, Object> env = Values.map(merged, "env");
    java.util.function.UnaryOperator<Object> evaluate = value -> {
      Object rendered = render ? TemplateEngine.renderValues(scope, "describe-stacks-all-sections", value, data,
          MissingKey.DEFAULT, (text, e) -> { }) : value;
      Object evaluated = functions.evaluate(rendered, env, metadata, location);
      return evaluated == YamlFunctions.UNSET ? null : evaluated;
    };
    pending.forEach((key, paths) -> merged.put(key, DeferredMerge.apply(Values.map(merged, key), paths, evaluate,
        strategy)));
  }

  private static boolean mentionsNoValue(Object value) {
    return Values.anyString(value, text -> text.contains("<no value>"));
  }


  /**
   * A component's own locals (with those of its bases, inherited as vars are), each rendered after
   * the ones it refers to, over the component's template data.
   */
  private Map<String, Object> componentLocals(ManifestProcessor.Manifest manifest, String name,
      Map<String, Object> locals, Map<String, Object> data, SourceLocation location) {
    Locals.Renderer renderer = (local, value, scope) -> TemplateEngine.renderValues(engine.component,
        "describe-stacks-all-sections", value, scope, MissingKey.DEFAULT, (text, e) -> problems.error("locals",
            "component `" + name + "` in " + manifest.name() + ", local `" + local + "`: " + e.getMessage(), location,
            "fix the local's template"));
    try {
      return Locals.resolve(locals, Map.of(), data, renderer);
    } catch (Locals.Cycle cycle) {
      problems.error("locals-cycle", "component `" + name + "` in " + manifest.name() + ": " + cycle.getMessage(),
          location, "break the cycle: a local may not refer, through others, to itself");
      return Map.of();
    }
  }

  private static boolean anyRenderedTemplate(ShapedMap merged) {
    for (String key : RENDERED) {
      if (Templates.anyTemplate(merged.get(key))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a component's templates see, as Atmos gives it: the component section as merged, before
   * any template in it is rendered, with the names Atmos adds ({@code atmos_component},
   * {@code atmos_stack}, {@code atmos_stack_file}, {@code atmos_manifest}, {@code stack},
   * {@code component}, {@code workspace}). Atmos's {@code .version} (the versions its Version Tracker locks
 * for the stack's track, from {@code versions.lock.yaml}) is not read.
   */
  private static Map<String, Object> templateData(ShapedMap merged, Map<String, Object> metadata, String name,
      String stack, ManifestProcessor.Manifest manifest, String folder, String workspace) {
    Map<String, Object> data = new LinkedHashMap<>(merged.size() + 8);
    data.putAll(merged);
    data.put("metadata", metadata);
    data.put("atmos_component", name);
    data.put("atmos_stack", stack);
    data.put("atmos_stack_file", manifest.name());
    data.put("atmos_manifest", manifest.name());
    data.put("stack", stack);
    data.put("component", folder);
    data.put("workspace", workspace);
    return data;
  }

  private ListMergeStrategy strategyOf(Map<String, Object> own, List<String> probeOrder, Map<String, Object> byName,
      Globals globals) {
    List<Object> candidates = new ArrayList<>();
    candidates.add(Values.path(own, "overrides", "settings").get("list_merge_strategy"));
    candidates.add(Values.map(own, "settings").get("list_merge_strategy"));
    for (int i = probeOrder.size() - 1; i >= 0; i--) {
      candidates.add(Values.path(Values.map(byName.get(probeOrder.get(i))), "settings").get("list_merge_strategy"));
    }
    candidates.add(globals.sections().get("settings").get("list_merge_strategy"));
    for (Object candidate : candidates) {
      Optional<ListMergeStrategy> s = ListMergeStrategy.parse(candidate);
      if (s.isPresent()) {
        return s.get();
      }
    }
    return config.listMergeStrategy();
  }

  /** The legacy {@code component:} chain's final folder. */
  private Optional<String> legacyFolder(String type, String name, Map<String, Object> section, Map<String, Object> byName,
      SourceLocation location, Set<String> seen) {
    Optional<String> legacy = nonEmpty(section.get("component")).filter(l -> !l.equals(name));
    if (legacy.isEmpty() || !seen.add(name)) {
      return legacy;
    }
    String target = legacy.get();
    if (byName.get(target) instanceof Map) {
      Map<String, Object> base = Values.map(byName.get(target));
      if (!"abstract".equals(Values.map(base, "metadata").get("type"))) {
        Optional<String> deeper = legacyFolder(type, target, base, byName, location, seen);
        if (deeper.isPresent()) {
          return deeper;
        }
      }
      return legacy;
    }
    problems.warning("legacy-component-ignored", "component `" + name + "` sets `component: " + target
        + "`, which is not a component of the stack; Atmos ignores it", location,
        "use metadata.component for the folder, metadata.inherits for configuration");
    return Optional.empty();
  }

  private void walkBases(String name, Map<String, Object> own, Map<String, Object> byName, Bases bases,
      Set<String> path, SourceLocation location, ListMergeStrategy strategy, boolean report) {
    Optional<String> legacy = nonEmpty(own.get("component")).filter(l -> !l.equals(name));
    if (legacy.isPresent() && byName.get(legacy.get()) instanceof Map) {
      inherit(name, legacy.get(), byName, bases, path, location, strategy, report);
    }
    for (String base : Values.strings(Values.map(own, "metadata").get("inherits"))) {
      inherit(name, base, byName, bases, path, location, strategy, report);
    }
  }

  private void inherit(String derived, String base, Map<String, Object> byName, Bases bases, Set<String> path,
      SourceLocation location, ListMergeStrategy strategy, boolean report) {
    if (base.equals(derived)) {
      return;
    }
    String pair = derived + " -> " + base;
    if (path.contains(pair)) {
      if (report) {
        List<String> members = new ArrayList<>(path);
        members.add(pair);
        problems.error("inheritance-cycle", "component inheritance cycle: " + String.join(", ", members), location,
            "remove one of these metadata.inherits entries");
      }
      return;
    }
    if (!(byName.get(base) instanceof Map)) {
      if (report) {
        problems.error("inheritance-missing-base", "component '" + derived + "' inherits from '" + base
            + "', which is not defined in any of the config files for the stack"
            + DidYouMean.hint(base, byName.keySet()), location,
            "define `" + base + "` in this manifest or one of its imports (bases are looked up per manifest)");
      }
      return;
    }
    Map<String, Object> section = Values.map(byName.get(base));
    path.add(pair);
    boolean isAbstract = "abstract".equals(Values.map(section, "metadata").get("type"));
    Optional<String> legacy = nonEmpty(section.get("component")).filter(l -> !l.equals(base));
    if (!isAbstract && legacy.isPresent() && byName.get(legacy.get()) instanceof Map) {
      inherit(base, legacy.get(), byName, bases, path, location, strategy, report);
    }
    for (String next : Values.strings(Values.map(section, "metadata").get("inherits"))) {
      inherit(base, next, byName, bases, path, location, strategy, report);
    }
    path.remove(pair);
    for (String key : MERGED) {
      Map<String, Object> value = Values.map(section, key);
      if (!value.isEmpty()) {
        bases.sections.merge(key, value, (a, b) -> DeepMerge.mergeMaps(a, b, strategy));
      }
    }
    if (config.inheritMetadata()) {
      Map<String, Object> metadata = new CompactMap(Values.map(section, "metadata"));
      metadata.remove("inherits");
      metadata.remove("type");
      bases.metadata = DeepMerge.mergeMaps(bases.metadata, metadata, strategy);
    }
    nonEmpty(section.get("backend_type")).ifPresent(v -> bases.backendType = Optional.of(v));
    nonEmpty(section.get("remote_state_backend_type")).ifPresent(v -> bases.remoteStateBackendType = Optional.of(v));
    nonEmpty(section.get("command")).ifPresent(v -> bases.command = Optional.of(v));
    Optional.ofNullable(section.get("required_version")).ifPresent(v -> bases.requiredVersion = Optional.of(v));
    bases.inheritance.remove(base);
    bases.inheritance.addFirst(base);
    bases.order.add(base);
  }

  private static void defaultKey(String backendType, Map<String, Object> backend, String keyName) {
    switch (backendType) {
      case "s3":
        if (isBlank(backend.get("workspace_key_prefix"))) {
          backend.put("workspace_key_prefix", keyName);
        }
        break;
      case "gcs":
        if (isBlank(backend.get("prefix"))) {
          backend.put("prefix", keyName);
        }
        break;
      case "azurerm":
        if (isBlank(backend.get("key"))) {
          backend.put("key", keyName + ".terraform.tfstate");
        }
        break;
      default:
        break;
    }
  }

  private static boolean isBlank(Object value) {
    return value == null || (value instanceof String s && s.isEmpty());
  }

  /**
   * The Terraform workspace, as Atmos's {@code BuildTerraformWorkspace}: a workspace pattern, else
   * {@code metadata.terraform_workspace}, else the stack's context prefix, with
   * {@code -<component>} appended when the component deploys another folder than its name; every
   * {@code /} becomes {@code -}.
   */
  private String workspace(String prefix, String name, String folder, boolean derived, Map<String, Object> metadata,
      Map<String, Object> vars) {
    String result;
    Optional<String> pattern = nonEmpty(metadata.get("terraform_workspace_pattern"));
    Optional<String> fixed = Values.text(metadata.get("terraform_workspace")).filter(s -> !s.isEmpty());
    if (pattern.isPresent()) {
      result = pattern.get();
      Map<String, String> tokens = new LinkedHashMap<>();
      for (String t : List.of("namespace", "tenant", "environment", "region", "stage", "attributes")) {
        tokens.put(t, Values.text(vars.get(t)).orElse(""));
      }
      tokens.put("component", name);
      tokens.put("base-component", derived ? folder : "");
      tokens.put("component-path", folder);
      tokens.put("workspace", prefix);
      tokens.put("terraform_workspace", fixed.orElse(""));
      for (Map.Entry<String, String> t : tokens.entrySet()) {
        result = result.replace("{" + t.getKey() + "}", t.getValue());
      }
    } else if (fixed.isPresent()) {
      result = fixed.get();
    } else if (!derived) {
      result = prefix;
    } else {
      result = prefix + "-" + name;
    }
    return result.replace('/', '-');
  }

  /** The sections whose keys Atmos traces to files for {@code deps} ({@code ProcessConfigSources}). */
  private static final List<String> SOURCE_SECTIONS = List.of("vars", "env", "settings", "backend");

  private ManifestProcessor.Manifest indexed;
  private final Map<String, FilesOfType> filesByType = new java.util.HashMap<>();

  /** {@code deps} and {@code deps_all} of one component. */
  private record Deps(List<String> deps, List<String> all) {}

  /** One file's part of a section: the file's manifest name and the map it sets there. */
  private record Source(String file, Map<String, Object> content) {}

  /**
   * What {@link #deps} reads of one manifest's files for one component type, shared by the
   * manifest's components and indexed when a describe first reads their deps, possibly from several
   * threads (a race indexes twice, equal). Until then it holds the manifest's name, its imports and
   * its files' contents, which the parsed-file cache holds anyway.
   */
  private static final class FilesOfType {
    private final String top;
    private final List<String> imports;
    private final List<ManifestProcessor.Contribution> contributions;
    private final String type;
    private volatile Index index;
    private final Map<String, Map<String, List<String>>> typeAndRootByKey =
        new java.util.concurrent.ConcurrentHashMap<>();

    FilesOfType(ManifestProcessor.Manifest manifest, String type) {
      this.top = manifest.name();
      this.imports = manifest.imports();
      this.contributions = manifest.files();
      this.type = type;
    }

    /** Each component's definitions in lookup file order; the type-level then root-level parts of every file. */
    private record Index(Map<String, List<Source>> components, List<Source> typeAndRoot) {}

    Map<String, List<Source>> components() {
      return index().components();
    }

    private Index index() {
      Index known = index;
      if (known == null) {
        known = build();
        index = known;
      }
      return known;
    }

    private Index build() {
      Map<String, Map<String, Object>> contentByFile = new java.util.HashMap<>();
      contributions.forEach(f -> contentByFile.putIfAbsent(f.name(), f.content()));
      List<String> files = new ArrayList<>(imports.size() + 1);
      files.add(top); // the top-level file, then the imports in name order
      for (String imported : imports) {
        if (!imported.equals(top)) {
          files.add(imported);
        }
      }
      Map<String, List<Source>> components = new java.util.HashMap<>();
      for (String file : files) {
        Values.path(contentByFile.get(file), "components", type).forEach((component, definition) ->
            components.computeIfAbsent(component, c -> new ArrayList<>(2)).add(new Source(file, Values.map(definition))));
      }
      List<Source> typeAndRoot = new ArrayList<>(2 * files.size());
      typeAndRoot.add(new Source(top, Values.map(contentByFile.get(top), type)));
      typeAndRoot.add(new Source(top, contentByFile.getOrDefault(top, Map.of())));
      for (int i = 1; i < files.size(); i++) {
        typeAndRoot.add(new Source(files.get(i), Values.map(contentByFile.get(files.get(i)), type)));
      }
      for (int i = 1; i < files.size(); i++) {
        typeAndRoot.add(new Source(files.get(i), contentByFile.getOrDefault(files.get(i), Map.of())));
      }
      return new Index(components, typeAndRoot);
    }

    /**
     * For one section (and, for {@code backend}, one backend type): each key the type-level and
     * root-level parts set, to the files that set it in lookup order. Made once per manifest, type
     * and section, where walking the parts for every key of every component would read each import
     * again for each component.
     */
    Map<String, List<String>> typeAndRootFiles(String section, boolean isBackend, String backendType) {
      return typeAndRootByKey.computeIfAbsent(isBackend ? section + '\0' + backendType : section, k -> {
        Map<String, List<String>> byKey = new java.util.HashMap<>();
        List<Source> typeAndRoot = index().typeAndRoot();
        for (int i = 0; i < typeAndRoot.size(); i++) {
          Source source = typeAndRoot.get(i);
          Map<String, Object> part = Values.map(source.content(), section);
          Map<String, Object> keys = isBackend ? Values.map(part, backendType) : part;
          String file = source.file();
          keys.forEach((key, value) -> {
            List<String> files = byKey.computeIfAbsent(key, x -> new ArrayList<>(2));
            if (!files.contains(file)) {
              files.add(file);
            }
          });
        }
        return byKey;
      });
    }
  }

  private FilesOfType filesOfType(ManifestProcessor.Manifest manifest, String type) {
    if (indexed != manifest) {
      indexed = manifest;
      filesByType.clear();
    }
    return filesByType.computeIfAbsent(type, t -> new FilesOfType(manifest, t));
  }

  /**
   * A component's {@code deps} and {@code deps_all}, worked out when describe reads them, from its
   * describe map's sections (their keys are the merged sections' keys) and its manifest's files. Holds
   * no more than it needs: thousands of these live as long as the snapshot.
   */
  private static final class LazyDeps extends ShapedMap.Computed {
    private final FilesOfType files;
    /** The describe map, whose own keys name the manifest, the component, its bases and backend type. */
    private final Map<String, Object> describe;
    private Deps worked; // a race works it out twice, equal
    final ShapedMap.Computed all = new ShapedMap.Computed() {
      @Override
      protected Object compute() {
        return worked().all();
      }
    };

    LazyDeps(FilesOfType files, Map<String, Object> describe) {
      this.files = files;
      this.describe = describe;
    }

    @Override
    protected Object compute() {
      return worked().deps();
    }

    @SuppressWarnings("unchecked")
    private Deps worked() {
      Deps known = worked;
      if (known == null) {
        List<Map<String, Object>> sections = new ArrayList<>(SOURCE_SECTIONS.size());
        for (String section : SOURCE_SECTIONS) {
          sections.add(Values.map(describe, section));
        }
        known = ComponentResolver.deps(files, (String) describe.get("atmos_stack_file"),
            (String) describe.get("atmos_component"), (List<String>) describe.get("inheritance"), sections,
            (String) describe.get("backend_type"));
        worked = known;
      }
      return known;
    }
  }

  /**
   * The manifests a component's values come from, as Atmos computes {@code deps} and
   * {@code deps_all} ({@code ProcessConfigSources} and {@code FindComponentDependencies}): for each
   * key of the final {@code vars}, {@code env}, {@code settings} and {@code backend} (of the chosen
   * type), the files that set that key, looked for in this order: the component in the top-level
   * file, the component in each imported file (imports in name order, not merge order), each base of
   * the inheritance chain likewise, the component-type and root sections of the top-level file, then
   * those of each imported file. {@code deps} holds the first file found for each key,
   * {@code deps_all} every file found and the top-level file; both sorted.
   */
  private static Deps deps(FilesOfType files, String top, String name, List<String> chain,
      List<Map<String, Object>> sections, String backendType) {
    // a handful of distinct files, added once per key: hash sets, sorted once at the end
    java.util.HashSet<String> first = new java.util.HashSet<>();
    java.util.HashSet<String> all = new java.util.HashSet<>();
    all.add(top);
    List<String> sourceFiles = new ArrayList<>();
    List<Map<String, Object>> sources = new ArrayList<>();
    for (int s = 0; s < SOURCE_SECTIONS.size(); s++) {
      String section = SOURCE_SECTIONS.get(s);
      boolean isBackend = section.equals("backend");
      Map<String, Object> keys = sections.get(s);
      if (keys.isEmpty()) {
        continue;
      }
      sourceFiles.clear();
      sources.clear();
      addComponent(sourceFiles, sources, files, name, section, isBackend, backendType);
      for (int i = 0; i < chain.size(); i++) {
        addComponent(sourceFiles, sources, files, chain.get(i), section, isBackend, backendType);
      }
      Map<String, List<String>> typeAndRoot = files.typeAndRootFiles(section, isBackend, backendType);
      for (String key : keys.keySet()) {
        boolean found = false;
        for (int i = 0; i < sources.size(); i++) {
          if (sources.get(i).containsKey(key)) {
            all.add(sourceFiles.get(i));
            if (!found) {
              first.add(sourceFiles.get(i));
              found = true;
            }
          }
        }
        List<String> setting = typeAndRoot.get(key);
        if (setting != null) {
          for (int i = 0; i < setting.size(); i++) {
            all.add(setting.get(i));
          }
          if (!found) {
            first.add(setting.get(0));
          }
        }
      }
    }
    return new Deps(sorted(first), sorted(all));
  }

  private static List<String> sorted(java.util.Set<String> files) {
    String[] array = files.toArray(String[]::new);
    java.util.Arrays.sort(array);
    return List.of(array);
  }

  private static void addComponent(List<String> sourceFiles, List<Map<String, Object>> sources, FilesOfType files,
      String component, String section, boolean isBackend, String backendType) {
    List<Source> definitions = files.components().get(component);
    if (definitions != null) {
      for (int i = 0; i < definitions.size(); i++) {
        Source d = definitions.get(i);
        add(sourceFiles, sources, d.file(), Values.map(d.content(), section), isBackend, backendType);
      }
    }
  }

  private static void add(List<String> files, List<Map<String, Object>> sources, String file,
      Map<String, Object> section, boolean isBackend, String backendType) {
    Map<String, Object> keys = isBackend ? Values.map(section, backendType) : section;
    if (!keys.isEmpty()) {
      files.add(file);
      sources.add(keys);
    }
  }
}
