package dev.converge.yaml.internal.atmos;

import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.yaml.internal.include.Includes;
import dev.converge.yaml.internal.merge.DeepMerge;
import dev.converge.yaml.internal.merge.ListMergeStrategy;
import dev.converge.internal.hint.DidYouMean;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.source.Globs;
import dev.converge.yaml.internal.source.RepoPaths;
import dev.converge.yaml.internal.source.SourceTree;
import dev.converge.yaml.internal.template.MissingKey;
import dev.converge.yaml.internal.template.TemplateException;
import dev.converge.yaml.internal.value.CompactMap;
import dev.converge.yaml.internal.yaml.ParseMemo;
import dev.converge.yaml.internal.yaml.YamlFile;
import dev.converge.yaml.internal.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads one top-level stack manifest and its imports into one merged document, as Atmos's
 * {@code processYAMLConfigFileWithContextInternal} does.
 *
 * <p>Order: a file's document is {@code [import_1, ..., import_n, the file's own content]},
 * deep-merged left to right with the global list strategy, each import already merged the same way.
 * A glob import expands to its matches in sorted order. Diamonds are not de-duplicated (a file
 * imported twice is merged twice), as in Atmos.
 *
 * <p>Import context: the child receives {@code merge(import.context, parent context)} (the outer
 * context wins) and, once it has a context, its text is rendered as a template before parsing, as
 * is every {@code .tmpl} file. Import paths containing {@code {{} are rendered with the settings,
 * vars and env merged so far (in this file and, passed down, in its importers) plus the import's
 * own context.
 *
 * <p>Overrides are file-scoped: the {@code overrides} and {@code terraform.overrides} (or any
 * component type's) of a file, of its importers, and of imports merged before, are injected into
 * the {@code overrides} of every component the file defines inline and are passed down to the
 * imports that follow; an importer's overrides beat the imported file's.
 *
 * <p>Cycles: Atmos catches only a file importing itself and otherwise recurses until it runs out of
 * stack. Here the chain of files being imported is carried down; an import of a file already on the
 * chain is a problem that prints the whole chain, and the import is skipped, so every cycle, of any
 * length, is reported and loading ends.
 *
 * <p>Caching: the parsed YAML of every file is kept for the whole load, and the merged result of an
 * import that got no context and no overrides from its importer (the common catalog case) is kept
 * too, so a catalog file imported by a thousand stacks is read, parsed and merged once.
 */
public final class ManifestProcessor {

  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".yaml.tmpl", ".yml.tmpl");
  private static final Set<String> IMPORT_KEYS = Set.of("path", "context", "skip_templates_processing",
      "ignore_missing_template_values", "skip_if_missing", "nested_imports", "ttl");
  private static final Pattern REMOTE = Pattern.compile("^(?:[a-z][a-z0-9+.-]*://|git::|s3::|gcs::|github\\.com/).*");

  private final SourceTree tree;
  private final AtmosConfig config;
  private final Problems problems;
  private final ParsedFiles shared;
  private final TemplateEngine engine;
  /** Evaluates the YAML functions of a file's locals ({@code !env}, ...), as Atmos does before their templates. */
  private final YamlFunctions functions;
  private final Map<String, Optional<ParsedFile>> parsed = new HashMap<>();
  private final Map<String, List<String>> resolvedFromBase = new HashMap<>();
  private final Map<String, List<String>> resolvedRelative = new HashMap<>();
  private final Map<String, FileResult> merged = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();

  /**
   * A processor that shares parsed files with the other processors of the same load, and renders
   * templates with the load's engine.
   */
  ManifestProcessor(SourceTree tree, AtmosConfig config, Problems problems, ParsedFiles shared,
      TemplateEngine engine, YamlFunctions functions) {
    this.tree = tree;
    this.config = config;
    this.problems = problems;
    this.shared = shared;
    this.engine = engine;
    this.functions = functions;
  }

  /**
   * The files of one load, each read and parsed once by whichever processor needs it first, with the
   * problems that parsing found. Safe to share between processors on different threads: a parse is
   * a pure function of the file's bytes, and each processor reports a file's problems itself when
   * it first uses the file (equal problems are reported once per load).
   */
  public static final class ParsedFiles {
    private final Map<String, Parse> files = new ConcurrentHashMap<>();
    /** Parses an earlier load of the repository made, where the embedder keeps them (else none). */
    private final Optional<ParseMemo.Load> memo;

    public ParsedFiles(Optional<ParseMemo.Load> memo) {
      this.memo = memo;
    }

    private record Parse(boolean exists, Optional<ParsedFile> file, List<Problem> problems) {}

    private Parse get(String path, SourceTree tree, String basePath, TemplateEngine engine, YamlFunctions functions,
        boolean schema) {
      return files.computeIfAbsent(path, p -> {
        Problems found = new Problems();
        Optional<String> text = tree.readText(p, found);
        if (text.isEmpty()) {
          return new Parse(false, Optional.empty(), List.of());
        }
        Optional<YamlFile> read = memo.isPresent() ? memo.get().read(p, text.get(), found)
            : YamlReader.read(p, text.get(), found);
        Optional<ParsedFile> file = read
            .flatMap(f -> Includes.resolve(f, tree, basePath, found))
            .map(f -> ParsedFile.of(f, found, engine, functions.reporting(found), schema));
        return new Parse(true, file, found.all());
      });
    }
  }

  /** One file's contribution to a manifest, with everything below it merged in. */
  public record FileResult(
      Map<String, Object> document,
      Set<String> imports,
      List<Contribution> files,
      Set<String> subtree,
      Map<String, SourceLocation> definitions,
      boolean usesImportData,
      boolean clean,
      boolean templated,
      boolean functions) {}

  /** A file that contributed its own content, in merge order, with that content and its direct imports. */
  public record Contribution(String name, Map<String, Object> content, List<String> imports) {}

  /**
   * The merged manifest: the document, its imports (sorted, unique), the contributing files, and
   * whether any of them has a string value with a Go template in it (if none has, no value of the
   * document needs rendering).
   */
  public record Manifest(
      String path,
      String name,
      Map<String, Object> document,
      List<String> imports,
      List<Contribution> files,
      Map<String, SourceLocation> definitions,
      boolean templated,
      boolean functions,
      Map<String, Object> locals) {}

  /**
   * A parsed, shape-checked stack file: its map and the locations the processor reports, taken from
   * the node tree once so the tree itself is not kept (it is the largest part of a parse).
   */
  private record ParsedFile(Map<String, Object> raw, SourceLocation at, SourceLocation importAt,
      List<SourceLocation> importEntries, Map<String, SourceLocation> components, boolean templated,
      boolean functions, Map<String, Object> locals) {

    static ParsedFile of(YamlFile file, Problems problems, TemplateEngine engine, YamlFunctions functions,
        boolean schema) {
      Map<String, Object> raw;
      Map<String, Object> locals = Map.of();
      if (file.value() == null) {
        raw = Map.of();
      } else if (!(file.value() instanceof Map)) {
        problems.error("type-mismatch", "a stack file must be a map, found " + Values.typeName(file.value()),
            file.valueLocation(List.of()), null);
        raw = Map.of();
      } else {
        raw = Values.map(file.value());
        StructureCheck.check(file, raw, problems, schema);
        FileLocals.Applied applied = FileLocals.applyAndDescribe(raw, file, engine, functions, problems);
        raw = applied.raw();
        locals = applied.locals();
      }
      List<SourceLocation> entries = new ArrayList<>();
      if (raw.get("import") instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          entries.add(file.valueLocation(List.of("import", String.valueOf(i))));
        }
      }
      Map<String, SourceLocation> components = new HashMap<>();
      for (Map.Entry<String, Object> type : Values.map(raw, "components").entrySet()) {
        for (String component : Values.map(type.getValue()).keySet()) {
          components.put(type.getKey() + "/" + component, file.location(List.of("components", type.getKey(), component)));
        }
      }
      return new ParsedFile(raw, file.location(), file.valueLocation(List.of("import")), entries, components,
          file.templated(), file.functions(), locals);
    }

    SourceLocation importEntry(int index) {
      return index < importEntries.size() ? importEntries.get(index) : importAt;
    }
  }

  /** The manifest name of {@code path}: relative to the stacks base path, without extension. */
  public String manifestName(String path) {
    return names.computeIfAbsent(path, this::nameOf);
  }

  private String nameOf(String path) {
    String name = RepoPaths.relativize(config.stacksBasePath(), path);
    for (String ext : List.of(".yaml.tmpl", ".yml.tmpl", ".yaml", ".yml")) {
      if (name.endsWith(ext)) {
        return name.substring(0, name.length() - ext.length());
      }
    }
    return name;
  }

  /** Reads the top-level manifest at {@code path} (repo-relative). */
  public Manifest process(String path) {
    FileResult result = processFile(path, Map.of(), Layers.NONE, Map::of, List.of(), null);
    // the manifest's own locals, as describe locals shows them (a templated manifest's: none kept)
    Map<String, Object> locals = parsed.getOrDefault(path, Optional.empty()).map(ParsedFile::locals).orElse(Map.of());
    return new Manifest(path, manifestName(path), result.document(), List.copyOf(new TreeSet<>(result.imports())),
        result.files(), result.definitions(), result.templated(), result.functions(), locals);
  }

  private Optional<ParsedFile> parse(String path, Map<String, Object> context, SourceLocation from) {
    boolean template = path.endsWith(".tmpl") || !context.isEmpty();
    if (!template) {
      Optional<ParsedFile> known = parsed.get(path);
      if (known == null) {
        ParsedFiles.Parse parse = shared.get(path, tree, config.basePath(), engine, functions, config.manifestSchema());
        if (!parse.exists()) {
          missing(path, from);
        }
        problems.addAll(parse.problems());
        known = parse.file();
        parsed.put(path, known);
      }
      return known;
    }
    return parseTemplate(path, context, from).map(f -> ParsedFile.of(f, problems, engine, functions,
        config.manifestSchema()));
  }

  /**
   * A file read as a template first: a {@code .tmpl} file, or any file imported with a context.
   * With a context, a value the template needs and the context lacks is an error (Go's
   * {@code missingkey=error}, as Atmos runs it) unless {@code ignore_missing_template_values}; a
   * {@code .tmpl} file without a context that cannot be rendered yet is read as written (its
   * templates are then the components').
   */
  private Optional<YamlFile> parseTemplate(String path, Map<String, Object> context, SourceLocation from) {
    Optional<String> text = read(path, from);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String rendered;
    try {
      rendered = TemplateEngine.render(engine.all, path, text.get(), context,
          config.ignoreMissingTemplateValues() ? MissingKey.DEFAULT : MissingKey.ERROR);
    } catch (TemplateException e) {
      if (context.isEmpty()) {
        rendered = text.get();
      } else {
        problems.error("template-error", e.getMessage(), SourceLocation.ofFile(path),
            "add the value to the import's `context`, or set ignore_missing_template_values: true");
        return Optional.empty();
      }
    }
    return YamlReader.read(path, rendered, problems)
        .flatMap(f -> Includes.resolve(f, tree, config.basePath(), problems));
  }

  private Optional<String> read(String path, SourceLocation from) {
    Optional<String> text = tree.readText(path, problems);
    if (text.isEmpty()) {
      missing(path, from);
    }
    return text;
  }

  private void missing(String path, SourceLocation from) {
    problems.error("import-not-found", "stack file " + path + " does not exist",
        from == null ? SourceLocation.ofFile(path) : from, null);
  }

  /**
   * @param context import context (outer wins), empty when none
   * @param overrides per component type, the overrides passed down by the importers
   * @param importData settings/vars/env merged so far by the importers, for templated import paths
   *     (made only when a path needs it)
   * @param chain the files being imported, outermost first
   */
  private FileResult processFile(String path, Map<String, Object> context, Layers overrides,
      Supplier<Map<String, Object>> importData, List<String> chain, SourceLocation from) {
    boolean cacheable = context.isEmpty() && overrides.isEmpty();
    if (cacheable) {
      FileResult cached = merged.get(path);
      if (cached != null && !cached.usesImportData() && noneIn(chain, cached.subtree())) {
        return cached;
      }
    }
    int problemsBefore = problems.size();
    List<String> here = new ArrayList<>(chain);
    here.add(path);
    Optional<ParsedFile> file = parse(path, context, from);
    Map<String, Object> raw = file.map(ParsedFile::raw).orElse(Map.of());
    Map<String, Map<String, Object>> inline = overridesOf(raw);
    ListMergeStrategy strategy = config.listMergeStrategy();
    Gathered gathered = new Gathered(path, strategy, file);

    List<?> importList = raw.get("import") instanceof List<?> l ? l : raw.get("import") instanceof String s ? List.of(s) : List.of();
    for (int i = 0; i < importList.size(); i++) {
      int index = i;
      SourceLocation entryAt = file.map(f -> f.importEntry(index)).orElse(SourceLocation.ofFile(path));
      Import imp = importOf(importList.get(i), entryAt);
      String importPath = imp == null ? null : importPath(path, imp, importData, gathered, entryAt);
      if (importPath == null) {
        continue;
      }
      boolean templateLeft = Templates.hasTemplate(importPath);
      List<String> targets = resolveImport(path, importPath, imp.skipIfMissing() || templateLeft, entryAt);
      Map<String, Object> childContext = imp.context().isEmpty() ? context : DeepMerge.mergeMaps(imp.context(), context, strategy);
      for (String target : targets) {
        if (here.contains(target)) {
          List<String> cycle = new ArrayList<>(here.subList(here.indexOf(target), here.size()));
          cycle.add(target);
          problems.error("import-cycle", "import cycle: " + String.join(" -> ", cycle.stream().map(this::manifestName).toList()),
              entryAt, "remove one of these imports");
          continue;
        }
        Layers passed = new Layers(combine(overrides.lower(), gathered.accumulated), combine(inline, overrides.upper()));
        // read while the child is processed, before its document is merged in
        Map<String, Object> before = gathered.document.result();
        Supplier<Map<String, Object>> data = () -> DeepMerge.mergeAll(strategy, importData.get(),
            sectionsForTemplates(before));
        gathered.add(target, processFile(target, childContext, passed, data, here, entryAt));
      }
    }

    Map<String, Map<String, Object>> effective = effectiveOverrides(combine(overrides.lower(), gathered.accumulated),
        combine(inline, overrides.upper()));
    gathered.addOwn(ownContent(raw, effective, strategy));
    FileResult result = gathered.result(problems.size() == problemsBefore);
    if (cacheable && result.clean()) {
      merged.put(path, result);
    }
    return result;
  }

  /**
   * An import entry's path, rendered when it is a Go template Atmos renders; null, with the problem
   * reported, when it cannot be rendered, names a remote file, or holds a template that does not parse.
   */
  private String importPath(String path, Import imp, Supplier<Map<String, Object>> importData, Gathered gathered,
      SourceLocation entryAt) {
    String importPath = imp.path();
    if (Templates.hasTemplate(importPath) && config.templatesEnabled() && !imp.skipTemplates()) {
      gathered.usesImportData = true;
      Map<String, Object> data = DeepMerge.mergeAll(config.listMergeStrategy(), importData.get(),
          sectionsForTemplates(gathered.document.result()), imp.context());
      try {
        importPath = TemplateEngine.render(engine.all, path, importPath, data,
            imp.ignoreMissing() || config.ignoreMissingTemplateValues() ? MissingKey.DEFAULT : MissingKey.ERROR);
      } catch (TemplateException e) {
        problems.error("import-template", "import path `" + importPath + "`: " + e.getMessage(), entryAt,
            "define the value in an earlier import or in the import's `context`");
        return null;
      }
    }
    if (maybeRemote(importPath) && REMOTE.matcher(importPath).matches()) {
      problems.error("import-remote", "remote imports are not supported: " + importPath, entryAt,
          "vendor the file into the repository and import it by path");
      return null;
    }
    if (Templates.hasTemplate(importPath)) {
      // Atmos parses an import path that holds `{{` as a Go template even when it does not render it
      // (IsGolangTemplate); one that does not parse is an error
      try {
        engine.all.parse(path, importPath);
      } catch (TemplateException e) {
        problems.error("import-template", "import path `" + importPath + "`: " + e.getMessage(), entryAt,
            "close the template's action (`{{ ... }}`) or write the path without `{{`");
        return null;
      }
    }
    return importPath;
  }

  /** What one file gathers: its imports' results one after another, then its own content. */
  private final class Gathered {
    final String path;
    final ListMergeStrategy strategy;
    final Optional<ParsedFile> file;
    /** One merger for the file: the document's growing maps are copied once, not once per import. */
    final DeepMerge.Merger document;
    final Map<String, Map<String, Object>> accumulated = new HashMap<>();
    final Set<String> imports = new LinkedHashSet<>();
    final List<String> direct = new ArrayList<>();
    final List<Contribution> files = new ArrayList<>();
    final Set<String> subtree = new LinkedHashSet<>();
    final Map<String, SourceLocation> definitions = new HashMap<>();
    boolean usesImportData;
    boolean templated;
    boolean functions;

    Gathered(String path, ListMergeStrategy strategy, Optional<ParsedFile> file) {
      this.path = path;
      this.strategy = strategy;
      this.file = file;
      this.document = new DeepMerge.Merger(strategy);
      this.templated = file.map(ParsedFile::templated).orElse(false);
      this.functions = file.map(ParsedFile::functions).orElse(false);
      subtree.add(path);
    }

    void add(String target, FileResult child) {
      usesImportData |= child.usesImportData();
      templated |= child.templated();
      functions |= child.functions();
      document.add(child.document());
      String targetName = manifestName(target);
      imports.add(targetName);
      direct.add(targetName);
      imports.addAll(child.imports());
      files.addAll(child.files());
      subtree.addAll(child.subtree());
      definitions.putAll(child.definitions());
      overridesOf(child.document()).forEach((type, o) ->
          accumulated.merge(type, o, (a, b) -> DeepMerge.mergeMaps(a, b, strategy)));
    }

    void addOwn(Map<String, Object> own) {
      files.add(new Contribution(manifestName(path), own, List.copyOf(direct)));
      for (Map.Entry<String, Object> type : Values.map(own, "components").entrySet()) {
        for (String component : Values.map(type.getValue()).keySet()) {
          String key = type.getKey() + "/" + component;
          definitions.put(key, file.map(f -> f.components().get(key)).orElse(SourceLocation.ofFile(path)));
        }
      }
      document.add(own);
    }

    FileResult result(boolean clean) {
      return new FileResult(document.result(), imports, files, subtree, definitions, usesImportData, clean, templated,
          functions);
    }
  }

  /** Whether {@link #REMOTE} could match: it needs a colon or {@code github.com/}. */
  private static boolean maybeRemote(String importPath) {
    return importPath.indexOf(':') >= 0 || importPath.startsWith("github.com/");
  }

  private static boolean noneIn(List<String> chain, Set<String> files) {
    for (String file : chain) {
      if (files.contains(file)) {
        return false;
      }
    }
    return true;
  }

  private record Import(String path, Map<String, Object> context, boolean skipTemplates, boolean ignoreMissing,
      boolean skipIfMissing) {}

  private Import importOf(Object entry, SourceLocation at) {
    if (entry instanceof String s) {
      return new Import(s, Map.of(), false, false, false);
    }
    if (entry instanceof Map<?, ?>) {
      Map<String, Object> m = Values.map(entry);
      for (String key : m.keySet()) {
        if (!IMPORT_KEYS.contains(key)) {
          problems.error("unknown-key", "unknown import key `" + key + "`" + DidYouMean.hint(key, IMPORT_KEYS), at,
              "an import has the keys " + new TreeSet<>(IMPORT_KEYS));
        }
      }
      if (!(m.get("path") instanceof String p)) {
        problems.error("type-mismatch", "an import needs a `path` string", at, "write `- path: catalog/vpc`");
        return null;
      }
      Object ctx = m.get("context");
      if (ctx != null && !(ctx instanceof Map)) {
        problems.error("type-mismatch", "import `context` must be a map, found " + Values.typeName(ctx), at, null);
      }
      return new Import(p, Values.map(ctx), Values.bool(m.get("skip_templates_processing"), false),
          Values.bool(m.get("ignore_missing_template_values"), false), Values.bool(m.get("skip_if_missing"), false));
    }
    problems.error("type-mismatch", "an import must be a path or a map with `path`, found " + Values.typeName(entry), at,
        null);
    return null;
  }

  /** The files an import names, in merge order; reports a missing file or an empty glob. */
  private List<String> resolveImport(String importer, String importPath, boolean tolerateMissing, SourceLocation at) {
    // an import from the stacks base path names the same files whoever imports it; a relative one
    // depends on the importer's folder
    String trimmed = importPath.trim();
    boolean relative = trimmed.equals(".") || trimmed.equals("..") || trimmed.startsWith("./") || trimmed.startsWith("../");
    Map<String, List<String>> resolved = relative ? resolvedRelative : resolvedFromBase;
    String key = relative ? RepoPaths.parent(importer) + "\u0000" + importPath : importPath;
    List<String> known = resolved.get(key);
    if (known != null) {
      return known;
    }
    int before = problems.size();
    List<String> result = resolveImportUncached(importer, importPath, tolerateMissing, at);
    if (problems.size() == before && !result.isEmpty()) {
      resolved.put(key, result);
    }
    return result;
  }

  private List<String> resolveImportUncached(String importer, String importPath, boolean tolerateMissing,
      SourceLocation at) {
    String p = importPath.trim();
    String first = p.split("/", 2)[0];
    String base = first.equals(".") || first.equals("..") ? RepoPaths.parent(importer) : config.stacksBasePath();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    String joined = RepoPaths.join(base, p);
    if (RepoPaths.leavesRoot(joined)) {
      problems.error("path-outside-repository", "import `" + importPath + "` leaves the repository (" + joined + ")", at,
          "import files inside the repository only");
      return List.of();
    }
    if (Globs.isGlob(joined) && !Templates.hasTemplate(joined)) {
      String glob = extension(joined).isEmpty() ? joined + ".yaml" : joined;
      Pattern pattern = Globs.compile(glob);
      String root = globRoot(glob);
      List<String> matches = tree.files(root).stream().filter(f -> pattern.matcher(f).matches()).toList();
      if (matches.isEmpty() && !tolerateMissing) {
        problems.error("import-glob-empty", "import `" + importPath + "` matches no file", at,
            "fix the pattern or add `skip_if_missing: true`");
      }
      return matches;
    }
    String ext = extension(joined);
    String target = null;
    if (ext.isEmpty()) {
      for (String e : EXTENSIONS) {
        if (tree.isFile(joined + e)) {
          target = joined + e;
          break;
        }
      }
      if (target == null) {
        target = joined + ".yaml";
      }
    } else {
      target = (ext.equals(".yaml") || ext.equals(".yml")) && tree.isFile(joined + ".tmpl") ? joined + ".tmpl" : joined;
    }
    if (!tree.isFile(target)) {
      if (!tolerateMissing) {
        List<String> names = tree.files(config.stacksBasePath()).stream().map(this::manifestName).toList();
        String wanted = manifestName(target);
        problems.error("import-not-found", "import `" + importPath + "` not found (looked for " + target + ")"
            + DidYouMean.hint(wanted, names), at, "fix the path; it is relative to " + config.stacksBasePath()
            + " unless it starts with ./ or ../");
      }
      return List.of();
    }
    return List.of(target);
  }

  private static String extension(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    return dot <= 0 ? "" : last.substring(dot);
  }

  private static String globRoot(String glob) {
    int firstGlob = 0;
    while (firstGlob < glob.length() && "*?[{".indexOf(glob.charAt(firstGlob)) < 0) {
      firstGlob++;
    }
    return RepoPaths.parent(glob.substring(0, firstGlob) + "x");
  }

  private static Map<String, Object> sectionsForTemplates(Map<String, Object> document) {
    Map<String, Object> data = new CompactMap(3);
    for (String key : List.of("settings", "vars", "env")) {
      if (document.get(key) instanceof Map) {
        data.put(key, document.get(key));
      }
    }
    return data;
  }

  /** The overrides a document declares, per component type: root {@code overrides} then the type's. */
  private Map<String, Map<String, Object>> overridesOf(Map<String, Object> document) {
    boolean any = document.containsKey("overrides");
    for (String type : ComponentTypes.ALL) {
      any |= document.get(type) instanceof Map<?, ?> typed && typed.containsKey("overrides");
    }
    if (!any) {
      return Map.of(); // the common case: nothing to merge
    }
    Map<String, Map<String, Object>> result = new HashMap<>();
    Map<String, Object> global = Values.map(document, "overrides");
    for (String type : ComponentTypes.ALL) {
      Map<String, Object> typed = DeepMerge.mergeMaps(global, Values.path(document, type, "overrides"),
          config.listMergeStrategy());
      if (!typed.isEmpty()) {
        result.put(type, typed);
      }
    }
    return result;
  }

  /**
   * Overrides passed down to an import, in two layers: {@code lower} (overrides merged from imports
   * before it, at any level above) sits below the imported file's own overrides, {@code upper} (the
   * importers' inline overrides) above them. Keyed by {@code ""} (root section) or component type.
   */
  private record Layers(Map<String, Map<String, Object>> lower, Map<String, Map<String, Object>> upper) {
    static final Layers NONE = new Layers(Map.of(), Map.of());

    boolean isEmpty() {
      for (Map<String, Object> m : lower.values()) {
        if (!m.isEmpty()) {
          return false;
        }
      }
      for (Map<String, Object> m : upper.values()) {
        if (!m.isEmpty()) {
          return false;
        }
      }
      return true;
    }
  }

  private Map<String, Map<String, Object>> combine(Map<String, Map<String, Object>> low,
      Map<String, Map<String, Object>> high) {
    if (low.isEmpty()) {
      return high;
    }
    if (high.isEmpty()) {
      return low;
    }
    Map<String, Map<String, Object>> result = new HashMap<>(low);
    high.forEach((k, v) -> result.merge(k, v, (a, b) -> DeepMerge.mergeMaps(a, b, config.listMergeStrategy())));
    return result;
  }

  /** Per component type: the lower layer (root, then typed), then the upper layer (root, then typed). */
  private Map<String, Map<String, Object>> effectiveOverrides(Map<String, Map<String, Object>> lower,
      Map<String, Map<String, Object>> upper) {
    if (lower.isEmpty() && upper.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, Object>> result = new HashMap<>();
    ListMergeStrategy s = config.listMergeStrategy();
    for (String type : ComponentTypes.ALL) {
      Map<String, Object> merged = DeepMerge.mergeAll(s, lower.get(type), upper.get(type));
      if (!merged.isEmpty()) {
        result.put(type, merged);
      }
    }
    return result;
  }

  /** The file's own content without {@code import} and {@code locals}, overrides injected into its components. */
  private static Map<String, Object> ownContent(Map<String, Object> raw, Map<String, Map<String, Object>> effective,
      ListMergeStrategy strategy) {
    Map<String, Object> own = new CompactMap(raw);
    own.remove("import");
    own.remove("locals");
    if (effective.isEmpty() || !(raw.get("components") instanceof Map)) {
      return own;
    }
    Map<String, Object> components = new CompactMap(Values.map(raw, "components"));
    for (Map.Entry<String, Object> type : components.entrySet()) {
      Map<String, Object> o = effective.get(type.getKey());
      if (o == null || !(type.getValue() instanceof Map)) {
        continue;
      }
      Map<String, Object> byName = new CompactMap(Values.map(type.getValue()));
      byName.replaceAll((name, section) -> {
        if (!(section instanceof Map)) {
          return section;
        }
        Map<String, Object> copy = new CompactMap(Values.map(section), 1);
        copy.put("overrides", DeepMerge.mergeMaps(o, Values.map(copy.get("overrides")), strategy));
        return copy;
      });
      type.setValue(byName);
    }
    own.put("components", components);
    return own;
  }
}
