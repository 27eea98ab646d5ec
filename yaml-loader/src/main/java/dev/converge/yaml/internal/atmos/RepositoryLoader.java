package dev.converge.yaml.internal.atmos;

import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.model.ComponentMetadata;
import dev.converge.model.ComponentType;
import dev.converge.model.ContentDigest;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.Pipeline;
import dev.converge.yaml.AtmosSnapshot;
import dev.converge.yaml.AtmosStack;
import dev.converge.yaml.LoadProgress;
import dev.converge.yaml.ResolvedComponent;
import dev.converge.yaml.StackManifest;
import dev.converge.yaml.VendorPin;
import dev.converge.internal.hint.DidYouMean;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.rollout.RolloutReader;
import dev.converge.yaml.internal.source.Globs;
import dev.converge.yaml.internal.source.RepoPaths;
import dev.converge.yaml.internal.source.SourceTree;
import dev.converge.yaml.internal.template.MissingKey;
import dev.converge.yaml.internal.template.TemplateException;
import dev.converge.internal.value.FrozenMap;
import dev.converge.yaml.internal.value.CompactMap;
import dev.converge.yaml.internal.value.ShapedMap;
import dev.converge.yaml.internal.vendor.VendorReader;
import dev.converge.yaml.internal.yaml.ParseMemo;
import dev.converge.yaml.internal.yaml.YamlFile;
import dev.converge.yaml.internal.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One load of a repository: atmos.yaml, every top-level manifest, stack composition, dependencies,
 * digests, vendor.yaml and rollout.yaml, with every problem collected and thrown together.
 */
public final class RepositoryLoader {

  /** The null git id: the source digest of a folder that does not exist. */
  public static final String MISSING_FOLDER_DIGEST = "0000000000000000000000000000000000000000";

  private static final List<String> CONTEXT_FIELDS = List.of("namespace", "tenant", "environment", "stage");
  private static final List<String> MANIFEST_EXTENSIONS = List.of(".yaml", ".yml", ".yaml.tmpl", ".yml.tmpl");

  private final SourceTree tree;
  private final Map<String, Object> overrides;
  private final Optional<Set<String>> onlyManifests;
  private final int parallelism;
  private final ConfigPlacement placement;
  private final Map<String, String> environment;
  private final Problems problems = new Problems();
  private final Optional<Exec> exec;
  private final LoadProgress progress;
  /** Comparison digests or ledger ones; abstract bases resolved or outlined. */
  private final LoadOptions options;
  /** What loads of this repository keep for the next (parsed files, resolved manifests), when the embedder asked. */
  private final Optional<LoadMemo> memo;
  /** What this load defers (YAML functions it does not evaluate), for one warning. */
  private final YamlFunctions.Tally deferred = new YamlFunctions.Tally();

  /**
   * A load of {@code tree}, with atmos.yaml where {@code placement} says and {@code overrides} on top.
   *
   * @param placement where atmos.yaml, the opened folder and the repository are in {@code tree}
   * @param environment the process environment the embedder passed ({@code ATMOS_*}, {@code !env})
   * @param parallelism the threads a load may use, the calling one included (1: only the calling
   *     thread); the snapshot and its problems are the same whatever the number
   * @param exec runs {@code !exec} commands, when the embedder enabled them (deferred otherwise)
   * @param progress told as manifests and components are done, from the load's threads
   * @param options comparison digests or ledger ones, abstract bases resolved or outlined
   * @param memo the parsed stack files and resolved manifests of the repository's last load, to reuse
   *     where they are the same, and to keep this load's in (empty: parse and resolve everything)
   */
  public RepositoryLoader(SourceTree tree, ConfigPlacement placement, Map<String, String> environment,
      Map<String, Object> overrides, Optional<Set<String>> onlyManifests, int parallelism, Optional<Exec> exec,
      LoadProgress progress, LoadOptions options, Optional<LoadMemo> memo) {
    this.options = options;
    this.memo = memo;
    this.progress = progress;
    this.tree = tree;
    this.placement = placement;
    this.environment = Map.copyOf(environment);
    this.overrides = overrides;
    this.onlyManifests = onlyManifests;
    this.parallelism = Math.max(1, parallelism);
    this.exec = exec;
  }

  /** The environment the embedder passed: never the process's own, which the loader does not read. */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * The snapshot of the tree. When the tree listed an entry as a file on its name alone and it was
   * not one (a folder named {@code x.yaml}, a link to nothing), the load starts again on the tree's
   * exact listings, and only that load's snapshot or problems count.
   */
  public AtmosSnapshot load(Revision revision, List<String> history) {
    AtmosSnapshot snapshot;
    try {
      snapshot = loadOnce(revision, history);
    } catch (RuntimeException e) {
      if (tree.listingsConfirmed()) {
        throw e;
      }
      return again(revision, history);
    }
    return tree.listingsConfirmed() ? snapshot : again(revision, history);
  }

  private AtmosSnapshot again(Revision revision, List<String> history) {
    return new RepositoryLoader(tree.withExactListings(), placement, environment, overrides, onlyManifests, parallelism,
        exec, progress, options, memo)
        .load(revision, history);
  }

  /** One load, in stages: atmos.yaml, the manifests, vendor.yaml and rollout.yaml, the components, the snapshot. */
  private AtmosSnapshot loadOnce(Revision revision, List<String> history) {
    AtmosConfig config = AtmosConfig.read(tree, placement, overrides, problems);
    if (!tree.isDirectory(config.stacksBasePath()) && !placement.leavesRepository(config.stacksBasePath())) {
      problems.error("stacks-not-found", "stacks base path `" + config.stacksBasePath() + "` is not a folder",
          SourceLocation.ofFile(config.file()), "set stacks.base_path in atmos.yaml");
    }
    TemplateEngine engine = TemplateFunctions.engine(config, environment, revision);
    Manifests read = readManifests(config, engine);
    List<VendorPin> pins = vendor(config);
    Optional<Pipeline> pipeline = rollout();
    Components built = buildComponents(read, config, engine, pins);
    deferred.report(problems);
    problems.throwIfErrors();

    DesiredState desired = DesiredState.builder().revision(revision).addAllInstances(built.instances())
        .addAllHistory(history).build();
    return AtmosSnapshot.builder()
        .desiredState(desired)
        .pipeline(pipeline)
        .addAllVendorPins(pins)
        .addAllStacks(built.listing().stacks())
        .addAllManifests(built.listing().manifests())
        .addAllComponents(built.components())
        .addAllWarnings(problems.warnings())
        .putAllComponentBasePaths(new TreeMap<>(config.componentBasePaths()))
        .build();
  }

  /** The manifests read, their resolved sections in reading order, and in the snapshot's order. */
  private record Manifests(List<ManifestProcessor.Manifest> manifests, List<ResolvedSection> sections,
      List<ResolvedSection> ordered) {}

  /** What the component workers built, in the snapshot's order, and the stacks and manifests listed meanwhile. */
  private record Components(List<ResolvedComponent> components, List<Instance> instances, Listing listing) {}

  /**
   * Finds the stack manifests and reads them. Manifests are independent of each other (Atmos, too,
   * processes them concurrently): each worker reads, merges and resolves the manifests it claims,
   * sharing the parsed files.
   */
  private Manifests readManifests(AtmosConfig config, TemplateEngine engine) {
    Optional<ParseMemo.Load> parses = memo.map(m -> m.parses.begin());
    ManifestProcessor.ParsedFiles parsed = new ManifestProcessor.ParsedFiles(parses);
    List<String> paths = discover(config, new ManifestProcessor(tree, config, problems, parsed, engine,
        new YamlFunctions(environment, exec, deferred, problems)));
    Optional<VersionLock> versions = VersionLock.read(tree, config, problems);
    Optional<ResolvedManifests.Load> resolved = memo.map(m -> m.manifests.begin(config, options.describeMaps(),
        versions.isPresent()));
    java.util.concurrent.atomic.AtomicInteger readCount = new java.util.concurrent.atomic.AtomicInteger();
    List<Read> reads = Workers.map(paths, parallelism, () -> new Reader(config, parsed, engine, versions, resolved), (reader, path) -> {
      Read done = reader.read(path);
      progress.advanced(LoadProgress.Stage.MANIFESTS, readCount.incrementAndGet(), paths.size());
      return done;
    });
    parses.ifPresent(ParseMemo.Load::keep);
    resolved.ifPresent(ResolvedManifests.Load::finish);
    List<ManifestProcessor.Manifest> manifests = new ArrayList<>();
    List<ResolvedSection> sections = new ArrayList<>();
    for (Read read : reads) {
      manifests.add(read.manifest());
      sections.addAll(read.sections());
      problems.addAll(read.problems());
    }
    return new Manifests(manifests, sections, ordered(reads, sections));
  }

  /**
   * From here on, one order: the snapshot's (stack, component, type). Each worker takes a slice of
   * components: dependencies, folder and configuration digests, values; one worker also lists the
   * stacks and manifests meanwhile. Problems keep the order of one thread: every dependency problem
   * first, then the others, each in component order.
   */
  private Components buildComponents(Manifests read, AtmosConfig config, TemplateEngine engine, List<VendorPin> pins) {
    Set<String> vendored = new HashSet<>();
    pins.forEach(p -> vendored.add(p.folder()));
    List<ResolvedSection> ordered = read.ordered();
    StackIndex index = StackIndex.of(ordered);
    AtomicReference<Listing> listing = new AtomicReference<>();
    List<Supplier<Built>> jobs = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger builtCount = new java.util.concurrent.atomic.AtomicInteger();
    jobs.add(() -> {
      listing.set(new Listing(stacks(index), manifestValues(read.manifests(), read.sections())));
      return Built.NOTHING;
    });
    for (List<ResolvedSection> slice : slices(ordered, parallelism)) {
      jobs.add(() -> {
        Built done = buildSlice(slice, config, vendored, index, engine);
        progress.advanced(LoadProgress.Stage.COMPONENTS, builtCount.addAndGet(slice.size()), ordered.size());
        return done;
      });
    }
    List<Built> built = Workers.map(jobs, parallelism, () -> null, (none, job) -> job.get());
    List<ResolvedComponent> components = new ArrayList<>(ordered.size());
    List<Instance> instances = new ArrayList<>(ordered.size());
    for (Built b : built) {
      components.addAll(b.components());
      instances.addAll(b.instances());
      problems.addAll(b.dependencyProblems());
    }
    built.forEach(b -> problems.addAll(b.problems()));
    return new Components(components, instances, listing.get());
  }

  /**
   * One manifest read by a worker: the merged manifest, its resolved components (as resolved, and
   * sorted by {@link #BY_ID}), the stacks they are in (sorted), the problems found.
   */
  private record Read(ManifestProcessor.Manifest manifest, List<ResolvedSection> sections,
      List<ResolvedSection> sorted, List<String> stacks, List<Problem> problems) {}

  /** What one worker keeps between manifests: its processor's caches and what it has reported. */
  private final class Reader {
    private final Problems found = new Problems();
    private final ManifestProcessor processor;
    private final ComponentResolver resolver;
    private final Optional<ResolvedManifests.Load> resolved;

    Reader(AtmosConfig config, ManifestProcessor.ParsedFiles parsed, TemplateEngine engine,
        Optional<VersionLock> versions, Optional<ResolvedManifests.Load> resolved) {
      this.resolved = resolved;
      processor = new ManifestProcessor(tree, config, found, parsed, engine,
          new YamlFunctions(environment, exec, deferred, found));
      resolver = new ComponentResolver(config, found, engine, environment, exec, deferred, versions,
          options.outlineAbstractBases(), options.components());
    }

    Read read(String path) {
      ManifestProcessor.Manifest manifest = processor.process(path);
      Optional<ResolvedManifests.Reused> reused = resolved.flatMap(r -> r.reuse(manifest));
      List<ResolvedSection> sections;
      if (reused.isPresent()) {
        sections = reused.get().sections();
        found.addAll(reused.get().problems());
      } else {
        List<Problem> reported = new ArrayList<>();
        List<ResolvedSection> resolvedNow = found.recording(reported, () -> resolver.resolve(manifest));
        resolved.ifPresent(r -> r.keep(manifest, resolvedNow, reported));
        sections = resolvedNow;
      }
      List<ResolvedSection> sorted = new ArrayList<>(sections);
      sorted.sort(BY_ID);
      List<String> stacks = new ArrayList<>(1);
      for (ResolvedSection s : sorted) {
        if (stacks.isEmpty() || !stacks.get(stacks.size() - 1).equals(s.stack())) {
          stacks.add(s.stack());
        }
      }
      return new Read(manifest, sections, sorted, stacks, found.drain());
    }
  }

  private record Built(List<ResolvedComponent> components, List<Instance> instances,
      List<Problem> dependencyProblems, List<Problem> problems) {
    /** What a job that builds no component (the listing) returns. */
    static final Built NOTHING = new Built(List.of(), List.of(), List.of(), List.of());
  }

  private record Listing(List<AtmosStack> stacks, List<StackManifest> manifests) {}

  private static final Comparator<ResolvedSection> BY_ID = (a, b) -> {
    // a manifest's components share their stack's string: no need to compare it with itself
    int c = a.stack() == b.stack() ? 0 : a.stack().compareTo(b.stack());
    c = c != 0 ? c : a.name().compareTo(b.name());
    return c != 0 ? c : a.type().compareTo(b.type());
  };

  /** Contiguous slices, many per thread, so that the last one to finish holds the others up little. */
  private static <T> List<List<T>> slices(List<T> items, int threads) {
    int count = Math.max(1, Math.min(items.size(), threads * 32));
    List<List<T>> result = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      result.add(items.subList(i * items.size() / count, (i + 1) * items.size() / count));
    }
    return result;
  }

  private static String folderPath(AtmosConfig config, ResolvedSection s) {
    return RepoPaths.join(config.componentBasePath(s.type()), s.deployFolder());
  }

  /** One slice of components, with its dependency problems and its other problems apart. */
  private Built buildSlice(List<ResolvedSection> slice, AtmosConfig config, Set<String> vendored, StackIndex index,
      TemplateEngine engine) {
    Problems dependencyProblems = new Problems();
    Problems found = new Problems();
    List<ResolvedComponent> c = new ArrayList<>(slice.size());
    List<Instance> i = new ArrayList<>(slice.size());
    Map<String, Optional<String>> byFolder = new java.util.HashMap<>();
    Map<MetadataKey, ComponentMetadata> metadata = new java.util.HashMap<>();
    // abstract bases are never deployed, so never recorded: they get the cheaper comparison digest
    ContentDigest.Digester comparing = ContentDigest.comparisonDigester();
    ContentDigest.Digester digester = options.comparisonDigests() ? comparing : ContentDigest.digester();
    Optional<String> manifest = Optional.empty(); // one per run of a manifest's components, which come together
    for (ResolvedSection s : slice) {
      if (manifest.isEmpty() || manifest.get() != s.manifest()) {
        manifest = Optional.of(s.manifest());
      }
      // with templating off (templates.settings.enabled: false) a templated `stack` stays as written,
      // as Atmos matches it with --process-templates=false
      // a load of some components only has not resolved the others, which dependencies name
      List<InstanceId> dependsOn = s.outlined() || options.components().isPresent() ? List.of()
          : dependsOn(s, index, dependencyProblems, config.templatesEnabled() ? engine : null);
      // the tree computes each folder's digest once, for whichever worker asks first
      Optional<String> digest = byFolder.computeIfAbsent(s.type() + '\u0000' + s.deployFolder(),
          k -> tree.treeId(folderPath(config, s)));
      build(s, config, digest, vendored, dependsOn, found, s.isAbstract() ? comparing : digester, manifest, metadata,
          c, i);
    }
    return new Built(c, i, dependencyProblems.all(), found.all());
  }

  /** The component's digests and values; adds the component, and its instance when it is Terraform. */
  private void build(ResolvedSection s, AtmosConfig config, Optional<String> digest, Set<String> vendored,
      List<InstanceId> dependsOn, Problems found, ContentDigest.Digester digester, Optional<String> manifest,
      Map<MetadataKey, ComponentMetadata> metadata, List<ResolvedComponent> components, List<Instance> instances) {
    if (s.stack().isBlank() || s.name().isBlank()) { // an instance needs both names (found by LoaderFuzzTest)
      found.error("blank-name", s.stack().isBlank()
          ? "component `" + s.name() + "` is in a stack whose name is blank: the stack name template or pattern gave \"\""
          : "a component of stack " + s.stack() + " has a blank name", s.location(),
          s.stack().isBlank() ? "give the vars the stack name is made of non-empty values, or set `name:` in the manifest"
              : "name the component");
      return;
    }
    if (digest.isEmpty() && s.type().equals(ComponentTypes.TERRAFORM) && !s.isAbstract()
        && !vendored.contains(s.deployFolder())) {
      found.warning("component-folder-missing", "component `" + s.name() + "` in stack " + s.stack()
          + " deploys folder " + folderPath(config, s) + ", which does not exist at " + tree.describe(), s.location(),
          "create the folder or vendor it (vendor.yaml)");
    }
    if (!s.deployFolder().equals(s.folder())) {
      found.warning("inherited-metadata-component", "component `" + s.name() + "` in stack " + s.stack()
          + " inherits metadata.component `" + s.deployFolder() + "`: Terraform runs in that folder, but Atmos "
          + "computes its workspace and workspace_key_prefix from `" + s.folder() + "`", s.location(),
          "set metadata.component on the component itself");
    }
    String sourceDigest = digest.orElse(MISSING_FOLDER_DIGEST);
    // the describe map holds these sections, the workspace included, and nothing else yet under their keys
    // an outlined abstract base has no configuration to digest (never deployed, never recorded)
    // a component the last load resolved the same has its digest already (ResolvedManifests)
    String configDigest = s.outlined() ? ""
        : s.digest().get(() -> digester.ofConfiguration(DIGESTED, s.section()));
    ShapedMap configuration = s.section();
    configuration.put("folder", s.deployFolder());
    configuration.put("source_digest", sourceDigest);
    if (!s.outlined()) {
      configuration.put("config_digest", configDigest);
    }
    InstanceId id = InstanceId.of(s.stack(), s.name());
    Optional<SourceLocation> location = Optional.of(s.location()); // one for the instance and the component
    if (s.type().equals(ComponentTypes.TERRAFORM)) {
      Instance instance = instance(s, id, sourceDigest, configDigest, dependsOn, found, location, manifest, metadata);
      instances.add(instance);
      // The instance holds these sections frozen, the same maps unless null values were left out;
      // where they are equal, the describe map holds the frozen ones too.
      share(configuration, "vars", instance.vars());
      share(configuration, "env", instance.env());
      share(configuration, "settings", instance.settings());
      share(configuration, "backend", instance.backend());
    }
    components.add(ResolvedComponent.builder().id(id).type(s.type()).manifest(s.manifest()).folder(s.deployFolder())
        .sourceDigest(digest).configDigest(configDigest).workspace(s.workspace())
        .workspaceKeyPrefix(s.workspaceKeyPrefix()).describeStacksWorkspace(s.stacksWorkspace())
        .isAbstract(s.isAbstract()).enabled(s.enabled()).locked(s.locked()).inheritance(s.inheritance())
        .dependsOn(dependsOn).configuration(options.describeMaps() ? configuration.freeze() : FrozenMap.of())
        .location(location).build());
  }

  private static void share(ShapedMap configuration, String key, Map<String, Object> copy) {
    if (configuration.get(key) instanceof Map<?, ?> original && original.size() == copy.size()) {
      configuration.put(key, copy);
    }
  }

  /** The top-level manifests: included, not excluded, with a YAML extension; sorted. */
  private List<String> discover(AtmosConfig config, ManifestProcessor processor) {
    List<Pattern> included = new ArrayList<>();
    for (String inc : config.includedPaths()) {
      String glob = RepoPaths.join(config.stacksBasePath(), inc);
      String last = glob.substring(glob.lastIndexOf('/') + 1);
      if (!last.contains(".")) {
        MANIFEST_EXTENSIONS.forEach(e -> included.add(Globs.compile(glob + e)));
      } else {
        included.add(Globs.compile(glob));
      }
    }
    List<Pattern> excluded = config.excludedPaths().stream()
        .map(ex -> Globs.compile(RepoPaths.join(config.stacksBasePath(), ex))).toList();
    List<String> result = new ArrayList<>();
    for (String file : tree.files(config.stacksBasePath())) {
      if (MANIFEST_EXTENSIONS.stream().noneMatch(file::endsWith)) {
        continue;
      }
      if (included.stream().anyMatch(p -> p.matcher(file).matches())
          && excluded.stream().noneMatch(p -> p.matcher(file).matches())) {
        result.add(file);
      }
    }
    if (onlyManifests.isPresent()) {
      Set<String> names = new HashSet<>();
      List<String> all = tree.files(config.stacksBasePath()).stream()
          .filter(f -> MANIFEST_EXTENSIONS.stream().anyMatch(f::endsWith)).toList();
      List<String> chosen = new ArrayList<>();
      for (String file : all) {
        if (onlyManifests.get().contains(processor.manifestName(file))) {
          chosen.add(file);
          names.add(processor.manifestName(file));
        }
      }
      for (String wanted : onlyManifests.get()) {
        if (!names.contains(wanted)) {
          problems.error("manifest-not-found", "stack manifest `" + wanted + "` not found"
              + DidYouMean.hint(wanted, result.stream().map(processor::manifestName).toList()),
              SourceLocation.ofFile(config.stacksBasePath()), null);
        }
      }
      return chosen;
    }
    if (result.isEmpty() && tree.isDirectory(config.stacksBasePath())) {
      problems.error("no-stack-manifests", "no stack manifest matches stacks.included_paths " + config.includedPaths()
          + " under " + config.stacksBasePath(), SourceLocation.ofFile(config.file()),
          "check stacks.included_paths and stacks.excluded_paths");
    }
    return result;
  }

  /**
   * The components of the load sorted by {@link #BY_ID}, each defined once (see {@link #compose}).
   * When no two manifests make one stack, the manifests' sorted components, taken in the order of
   * their first ones, are in that order already unless a manifest makes several stacks: only then is
   * the whole list sorted.
   */
  private List<ResolvedSection> ordered(List<Read> reads, List<ResolvedSection> sections) {
    if (!oneManifestPerStack(reads)) {
      List<ResolvedSection> ordered = compose(sections);
      ordered.sort(BY_ID);
      return ordered;
    }
    List<Read> byFirst = new ArrayList<>(reads.size());
    for (Read read : reads) {
      if (!read.sorted().isEmpty()) {
        byFirst.add(read);
      }
    }
    byFirst.sort((a, b) -> BY_ID.compare(a.sorted().get(0), b.sorted().get(0)));
    List<ResolvedSection> ordered = new ArrayList<>(sections.size());
    boolean sorted = true;
    for (Read read : byFirst) {
      List<ResolvedSection> run = read.sorted();
      sorted = sorted && (ordered.isEmpty() || BY_ID.compare(ordered.get(ordered.size() - 1), run.get(0)) < 0);
      ordered.addAll(run);
    }
    if (!sorted) {
      ordered.sort(BY_ID);
    }
    return ordered;
  }

  /**
   * Whether each stack is made by one manifest. If so, no component is defined twice (one manifest
   * defines each component once) and there is nothing to compose.
   */
  private static boolean oneManifestPerStack(List<Read> reads) {
    Set<String> seen = new HashSet<>(reads.size() * 2);
    for (Read read : reads) {
      for (String stack : read.stacks()) {
        if (!seen.add(stack)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Top-level stack composition: several manifests may form one logical stack. A component that two
   * manifests of one stack define identically is kept once (from the first manifest); defined
   * differently, it is a problem naming both manifests.
   */
  private List<ResolvedSection> compose(List<ResolvedSection> sections) {
    Map<String, ResolvedSection> first = new LinkedHashMap<>(sections.size() * 4 / 3 + 1);
    Map<String, List<String>> conflicts = new TreeMap<>();
    for (ResolvedSection s : sections) {
      String key = s.key();
      ResolvedSection earlier = first.get(key);
      if (earlier == null) {
        first.put(key, s);
      } else if (!Objects.equals(withoutOverrides(earlier.raw()), withoutOverrides(s.raw()))) {
        conflicts.computeIfAbsent(key, k -> new ArrayList<>(List.of(earlier.manifest()))).add(s.manifest());
      }
    }
    conflicts.forEach((key, files) -> {
      ResolvedSection s = first.get(key);
      problems.error("duplicate-component", "Found duplicate config for component '" + s.name() + "' in stack '"
          + s.stack() + "': component '" + s.name() + "' is defined differently in more than one top-level stack "
          + "manifest file: " + String.join(", ", files), s.location(),
          "define the component in one manifest, or identically in shared catalog files");
    });
    return new ArrayList<>(first.values());
  }

  /** A dependency's {@code stack}, rendered over the depending component's section when it is a template. */
  private static String stackOf(TemplateEngine engine, String stack, Map<String, Object> data) {
    if (engine == null) {
      return stack;
    }
    try {
      return TemplateEngine.render(engine.all, "dependencies", stack, data, MissingKey.DEFAULT);
    } catch (TemplateException e) {
      return stack;
    }
  }

  private static Map<String, Object> withoutOverrides(Map<String, Object> raw) {
    Map<String, Object> copy = new CompactMap(raw);
    copy.remove("overrides");
    return copy;
  }

  /**
   * What a component depends on, as instance ids. {@code dependencies.components} entries
   * ({@code component} or {@code name}, optional {@code stack}) name the same stack when they have no
   * stack. Legacy {@code settings.depends_on} entries match as Atmos's {@code describe dependents}
   * does: an explicit {@code stack} must equal the target's, each context field given
   * ({@code namespace}, {@code tenant}, {@code environment}, {@code stage}) must equal the target's,
   * and each field not given must be equal between the two components (so an explicit stack alone
   * does not reach another stage: Atmos issue #2910, kept for compatibility). Most entries look at
   * one stack's components of that name, not at every stack's.
   */
  private static List<InstanceId> dependsOn(ResolvedSection s, StackIndex index, Problems problems,
      TemplateEngine engine) {
    Set<InstanceId> result = new LinkedHashSet<>();
    Map<String, Object> templateData = s.section();
    Object components = Values.map(s.section(), "dependencies").get("components");
    if (components instanceof List<?> list && !list.isEmpty()) {
      for (Object entry : list) {
        Map<String, Object> e = Values.map(entry);
        Optional<String> name = Values.text(e.get("component")).or(() -> Values.text(e.get("name")));
        if (name.isEmpty()) {
          continue;
        }
        String stack = Values.text(e.get("stack")).map(t -> stackOf(engine, t, templateData)).orElse(s.stack());
        String kind = Values.text(e.get("kind")).orElse(null);
        boolean found = false;
        for (ResolvedSection t : index.named(stack, name.get())) {
          if ((kind == null || t.type().equals(kind)) && !t.stack().isBlank() && !t.name().isBlank()) {
            result.add(InstanceId.of(t.stack(), t.name()));
            found = true;
          }
        }
        if (!found) {
          unresolved(s, name.get(), stack, index, problems);
        }
      }
      return List.copyOf(result);
    }
    Map<String, Object> dependsOn = Values.map(s.settings(), "depends_on");
    for (Object value : dependsOn.values()) {
      Map<String, Object> e = Values.map(value);
      Optional<String> name = Values.text(e.get("component"));
      if (name.isEmpty()) {
        continue;
      }
      Optional<String> stack = Values.text(e.get("stack")).map(t -> stackOf(engine, t, templateData));
      boolean anyField = false;
      for (String field : CONTEXT_FIELDS) {
        anyField |= e.containsKey(field);
      }
      // candidates: the components of that name in the one stack it must be in, when there is one
      List<ResolvedSection> candidates = stack.isPresent() ? index.named(stack.get(), name.get())
          : anyField ? index.named(name.get()) : index.named(s.stack(), name.get());
      boolean found = false;
      for (ResolvedSection t : candidates) {
        if (!t.type().equals(s.type())) {
          continue;
        }
        if (stack.isPresent() && !stack.get().equals(t.stack())) {
          continue;
        }
        if (stack.isEmpty() && !anyField && !t.stack().equals(s.stack())) {
          continue;
        }
        boolean fieldsMatch = true;
        for (String field : CONTEXT_FIELDS) {
          Object want = e.containsKey(field) ? e.get(field) : s.vars().get(field);
          Object have = t.vars().get(field);
          // one stack's components hold the same var objects: most fields match by identity
          if (want != have && !Objects.equals(Values.text(want), Values.text(have))) {
            fieldsMatch = false;
            break;
          }
        }
        if (fieldsMatch && !t.stack().isBlank() && !t.name().isBlank()) { // a blank name is an error of its own
          result.add(InstanceId.of(t.stack(), t.name()));
          found = true;
        }
      }
      if (!found) {
        unresolved(s, name.get(), stack.orElse(s.stack()), index, problems);
      }
    }
    return List.copyOf(result);
  }

  private static void unresolved(ResolvedSection s, String name, String stack, StackIndex index, Problems found) {
    List<String> names = index.names(stack);
    found.warning("dependency-unresolved", "component `" + s.name() + "` in stack " + s.stack()
        + " depends on `" + name + "`, which matches no component" + (names.isEmpty() ? "" : " of stack " + stack)
        + DidYouMean.hint(name, names), s.location(), "fix the component or stack name");
  }

  /** What an instance's metadata is made of: instances made of equal parts share one metadata value. */
  private record MetadataKey(ComponentType type, boolean enabled, boolean locked, Object inherits) {}

  private static Instance instance(ResolvedSection s, InstanceId id, String sourceDigest, String configDigest,
      List<InstanceId> dependsOn, Problems found, Optional<SourceLocation> location, Optional<String> manifest,
      Map<MetadataKey, ComponentMetadata> metadata) {
    Object inherits = Values.map(s.raw(), "metadata").get("inherits");
    ComponentMetadata md = metadata.computeIfAbsent(new MetadataKey(s.isAbstract() ? ComponentType.ABSTRACT
        : ComponentType.REAL, s.enabled(), s.locked(), inherits), key -> ComponentMetadata.builder()
        .type(key.type()).enabled(key.enabled()).locked(key.locked())
        .addAllInherits(Values.strings(key.inherits()))
        .build());
    Instance.Builder b = Instance.builder().id(id).folder(s.deployFolder()).sourceDigest(sourceDigest)
        .configDigest(configDigest).workspace(s.workspace())
        .contextPrefix(s.contextPrefix()).workspaceKeyPrefix(s.workspaceKeyPrefix()).dependsOn(dependsOn).metadata(md).location(location)
        .imports(imports(s)).manifest(manifest).componentType(s.type());
    if (s.outlined()) {
      return b.build(); // no configuration: neither sections, backend type nor divergence
    }
    b.vars(nullFree(s.vars())).env(nullFree(Values.map(s.section(), "env"))).settings(nullFree(s.settings()))
        .backend(nullFree(Values.map(s.section(), "backend")));
    Values.text(s.section().get("backend_type")).filter(t -> !t.isEmpty()).ifPresent(t -> b.backendType(backendType(t)));
    Object divergence = s.settings().get("divergence");
    if (divergence != null) {
      RolloutReader.divergence(divergence, s.location(), found).ifPresent(b::divergence);
    }
    return b.build();
  }

  private static final Map<String, Optional<String>> BACKEND_TYPES = Map.of("s3", Optional.of("s3"), "gcs",
      Optional.of("gcs"), "azurerm", Optional.of("azurerm"), "local", Optional.of("local"), "remote",
      Optional.of("remote"), "cloud", Optional.of("cloud"));

  /** The usual backend types as one object each: an instance holds its type as long as the snapshot lives. */
  private static Optional<String> backendType(String type) {
    Optional<String> known = BACKEND_TYPES.get(type);
    return known != null ? known : Optional.of(type);
  }

  /**
   * The manifest's imports, which the resolver put in the describe map: a list of strings already, so
   * its elements need no look (each would be a cache miss, for a list every component repeats).
   */
  @SuppressWarnings("unchecked")
  private static List<String> imports(ResolvedSection s) {
    return (List<String>) s.section().get("imports");
  }

  /**
   * {@code map} without its null values (an instance holds none; the describe map keeps them), frozen
   * without a copy when it has none: no one changes a merged section once resolved.
   */
  private static FrozenMap nullFree(Map<String, Object> map) {
    FrozenMap frozen = FrozenMap.adopt(map);
    if (!frozen.hasNulls()) {
      return frozen;
    }
    CompactMap copy = new CompactMap(map.size());
    map.forEach((k, v) -> {
      if (v != null) {
        copy.put(k, v);
      }
    });
    return FrozenMap.adopt(copy);
  }

  /**
   * The configuration a deployment depends on: vars, env, backend (type and chosen map), providers,
   * required providers and version, command and workspace, in the order the digest sorts them.
   * Settings are left out: they steer tools ({@code depends_on}, {@code spacelift},
   * {@code divergence}), not Terraform.
   */
  private static final List<String> DIGESTED = List.of("backend", "backend_type", "command", "env", "providers",
      "required_providers", "required_version", "vars", "workspace");

  /**
   * The pins of {@code vendor.yaml} (or of every YAML file under {@code vendor.base_path} when it is
   * a folder, in sorted order). {@code spec.imports} (paths from the repository's base path, the
   * extension optional) are read first, depth-first, as Atmos concatenates them; importing a file
   * already on the chain is a problem.
   */
  private List<VendorPin> vendor(AtmosConfig config) {
    List<String> files = new ArrayList<>();
    String base = config.vendorBasePath().orElse(RepoPaths.join(placement.root(), "vendor.yaml"));
    if (tree.isFile(base)) {
      files.add(base);
    } else if (tree.isDirectory(base) && config.vendorBasePath().isPresent()) {
      tree.files(base).stream().filter(f -> f.endsWith(".yaml") || f.endsWith(".yml")).forEach(files::add);
    }
    List<VendorPin> pins = new ArrayList<>();
    for (String file : files) {
      vendorFile(file, config, new ArrayList<>(), pins);
    }
    return pins;
  }

  private void vendorFile(String file, AtmosConfig config, List<String> chain, List<VendorPin> pins) {
    Optional<YamlFile> parsed = tree.readText(file, problems).flatMap(text -> YamlReader.read(file, text, problems));
    if (parsed.isEmpty()) {
      return;
    }
    chain.add(file);
    Object imports = Values.map(Values.map(parsed.get().value()), "spec").get("imports");
    List<String> paths = Values.strings(imports);
    for (int i = 0; i < paths.size(); i++) {
      String target = RepoPaths.join(config.basePath(), paths.get(i));
      if (!tree.isFile(target)) {
        for (String ext : List.of(".yaml", ".yml")) {
          if (tree.isFile(target + ext)) {
            target = target + ext;
            break;
          }
        }
      }
      SourceLocation at = parsed.get().valueLocation(List.of("spec", "imports", String.valueOf(i)));
      if (chain.contains(target)) {
        List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(target), chain.size()));
        cycle.add(target);
        problems.error("vendor-import-cycle", "vendor import cycle: " + String.join(" -> ", cycle), at,
            "remove one of these imports");
      } else if (!tree.isFile(target)) {
        problems.error("vendor-import-not-found", "vendor import `" + paths.get(i) + "` not found (" + target + ")",
            at, null);
      } else {
        vendorFile(target, config, chain, pins);
      }
    }
    chain.remove(chain.size() - 1);
    pins.addAll(VendorReader.read(parsed.get(), config.componentBasePaths(), problems));
  }

  private Optional<Pipeline> rollout() {
    String file = RepoPaths.join(placement.root(), RolloutReader.FILE);
    return tree.readText(file, problems)
        .flatMap(text -> YamlReader.read(file, text, problems))
        .flatMap(f -> RolloutReader.read(f, problems));
  }

  /** The stacks, in name order, with their manifests and their components' names by type, sorted. */
  private static List<AtmosStack> stacks(StackIndex index) {
    List<AtmosStack> result = new ArrayList<>(index.stacks().size());
    index.stacks().forEach((name, components) -> {
      TreeSet<String> manifests = new TreeSet<>();
      Map<String, List<String>> byType = new TreeMap<>();
      String last = null;
      for (ResolvedSection s : components) { // sorted by name, so each type's names are too
        if (!s.manifest().equals(last)) {
          last = s.manifest();
          manifests.add(last);
        }
        byType.computeIfAbsent(s.type(), k -> new ArrayList<>()).add(s.name());
      }
      result.add(AtmosStack.builder().name(name).addAllManifests(manifests).putAllComponents(byType).build());
    });
    return result;
  }

  private static List<StackManifest> manifestValues(List<ManifestProcessor.Manifest> manifests,
      List<ResolvedSection> sections) {
    List<StackManifest> result = new ArrayList<>();
    Map<String, TreeSet<String>> stacksByManifest = new java.util.HashMap<>();
    sections.forEach(s -> stacksByManifest.computeIfAbsent(s.manifest(), k -> new TreeSet<>()).add(s.stack()));
    for (ManifestProcessor.Manifest m : manifests) {
      TreeSet<String> stacks = stacksByManifest.getOrDefault(m.name(), new TreeSet<>());
      result.add(StackManifest.builder().name(m.name()).path(m.path())
          .explicitName(Values.string(m.document(), "name")).addAllImports(m.imports())
          .putAllDocument(nullFree(m.document())).addAllStacks(stacks).putAllLocals(nullFree(m.locals())).build());
    }
    result.sort(Comparator.comparing(StackManifest::name));
    return result;
  }
}
