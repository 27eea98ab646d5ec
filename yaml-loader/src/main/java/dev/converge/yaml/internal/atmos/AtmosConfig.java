package dev.converge.yaml.internal.atmos;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.yaml.internal.merge.ListMergeStrategy;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.source.RepoPaths;
import dev.converge.yaml.internal.source.SourceTree;
import dev.converge.yaml.internal.yaml.YamlFile;
import dev.converge.yaml.internal.yaml.YamlReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of {@code atmos.yaml} that decide how stacks resolve, with Atmos's defaults.
 *
 * <p>Defaults: when there is no {@code atmos.yaml} at all, Atmos's built-in configuration applies
 * ({@code pkg/config/default.go}: stacks under {@code stacks}, {@code orgs/**}{@code /*} included,
 * {@code **}{@code /_defaults.yaml} excluded, name pattern {@code {tenant}-{environment}-{stage}}).
 * When the file exists, a key it leaves out takes the zero value Atmos would use, except paths,
 * which default to the conventional {@code stacks} and {@code components/<type>}, and
 * {@code included_paths}, which defaults to every file ({@code **}{@code /*}).
 */
public record AtmosConfig(
    boolean present,
    String basePath,
    String stacksBasePath,
    List<String> includedPaths,
    List<String> excludedPaths,
    Optional<String> namePattern,
    Optional<String> nameTemplate,
    Map<String, String> componentBasePaths,
    Map<String, String> componentCommands,
    boolean workspacesEnabled,
    String prefixSeparator,
    ListMergeStrategy listMergeStrategy,
    boolean templatesEnabled,
    boolean ignoreMissingTemplateValues,
    TemplateSettings templateSettings,
    boolean inheritMetadata,
    Map<String, Object> env,
    Optional<String> vendorBasePath,
    String file,
    Map<String, Object> version,
    String versionLockFile,
    boolean manifestSchema) {

  public static final String FILE = "atmos.yaml";

  /**
   * {@code templates.settings} beyond {@code enabled}: which function libraries the component
   * templates see (Atmos registers Sprig and Gomplate there only when enabled; import and name
   * templates always see both), and how many times component sections are rendered.
   */
  /**
   * {@code templates.settings}; {@code env} is {@code templates.settings.env}, the environment
   * variables Atmos sets while it renders component templates (issue #2083).
   */
  public record TemplateSettings(boolean sprig, boolean gomplate, int evaluations, String leftDelimiter,
      String rightDelimiter, Map<String, String> env) {
    public static final TemplateSettings DEFAULT = new TemplateSettings(true, true, 1, "{{", "}}", Map.of());
  }

  /** A map of environment variables: each scalar value as its text, null and collections dropped. */
  static Map<String, String> environmentOf(Map<String, Object> raw) {
    Map<String, String> env = new LinkedHashMap<>();
    raw.forEach((k, v) -> {
      if (v != null && !(v instanceof Map) && !(v instanceof List)) {
        env.put(k, String.valueOf(v));
      }
    });
    return java.util.Collections.unmodifiableMap(env);
  }

  /** Reads {@code atmos.yaml} at the root of {@code tree}, applying {@code overrides} (dotted keys). */
  public static AtmosConfig read(SourceTree tree, Map<String, Object> overrides, Problems problems) {
    return read(tree, ConfigPlacement.atRoot(), overrides, problems);
  }

  /**
   * Reads the {@code atmos.yaml} that {@code placement} names (none: Atmos's defaults), applying
   * {@code overrides} (dotted keys), and resolves its paths relative to the root of {@code tree} as
   * Atmos resolves them (see {@link BasePaths}).
   */
  public static AtmosConfig read(SourceTree tree, ConfigPlacement placement, Map<String, Object> overrides,
      Problems problems) {
    String label = placement.file().orElse(FILE);
    Optional<String> text = placement.file().flatMap(f -> tree.readText(f, problems));
    Map<String, Object> raw = new LinkedHashMap<>();
    YamlFile file = null;
    if (text.isPresent()) {
      Optional<YamlFile> parsed = YamlReader.read(label, text.get(), problems);
      if (parsed.isPresent()) {
        file = parsed.get();
        if (file.value() instanceof Map<?, ?>) {
          raw.putAll(Values.map(file.value()));
        } else if (file.value() != null) {
          problems.error("type-mismatch", "atmos.yaml must be a map, found " + Values.typeName(file.value()),
              file.valueLocation(List.of()), null);
        }
      }
    }
    overrides.forEach((k, v) -> put(raw, k.split("\\."), v));
    return from(text.isPresent(), raw, file, new BasePaths(tree, placement, label), problems);
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String[] keys, Object value) {
    Map<String, Object> current = root;
    for (int i = 0; i < keys.length - 1; i++) {
      Object next = current.get(keys[i]);
      Map<String, Object> copy = next instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
      current.put(keys[i], copy);
      current = copy;
    }
    current.put(keys[keys.length - 1], value);
  }

  private static AtmosConfig from(boolean present, Map<String, Object> raw, YamlFile file, BasePaths paths,
      Problems problems) {
    Checker check = new Checker(file, paths.label(), problems);
    // `!repo-root` (Atmos's YAML function, here with its optional default) is the git root: ""
    Optional<String> configured = check.string(raw, "base_path")
        .map(v -> v.equals("!repo-root") || v.startsWith("!repo-root ") ? "" : v);
    String base = paths.base(configured.orElse("."), present);
    if (paths.leavesRepository(base)) {
      paths.placement().runtimeBasePath().ifPresentOrElse(
          runtime -> problems.error("path-outside-repository", "ATMOS_BASE_PATH `" + runtime + "` leaves the "
              + "repository", SourceLocation.ofFile(paths.label()), "set ATMOS_BASE_PATH to a folder inside the repository"),
          () -> problems.error("path-outside-repository", "base_path `" + configured.orElse(".") + "` leaves the "
              + "repository" + (BasePaths.isAbsolute(configured.orElse(".")) ? "" : " (" + base + ")"),
              check.valueLocation("base_path"),
              "keep base_path inside the repository, the git work tree that holds atmos.yaml"));
    }
    Map<String, Object> stacks = check.map(raw, "stacks");
    Optional<String> stacksConfigured = check.string(stacks, "base_path");
    String stacksBase = paths.under(base, stacksConfigured.orElse("stacks"));
    if (paths.leavesRepository(stacksBase) && !paths.leavesRepository(base)) {
      problems.error("path-outside-repository", "stacks base path `" + stacksBase + "` leaves the repository",
          stacksConfigured.isPresent() ? check.valueLocation("stacks", "base_path") : check.valueLocation("base_path"),
          "keep stacks inside the repository");
    }
    List<String> included = stacks.containsKey("included_paths")
        ? check.strings(stacks, "included_paths") : present ? List.of("**/*") : List.of("orgs/**/*");
    List<String> excluded = stacks.containsKey("excluded_paths")
        ? check.strings(stacks, "excluded_paths") : present ? List.of() : List.of("**/_defaults.yaml");
    Optional<String> pattern = check.string(stacks, "name_pattern").filter(s -> !s.isBlank());
    if (!present && pattern.isEmpty()) {
      pattern = Optional.of("{tenant}-{environment}-{stage}");
    }
    Optional<String> template = check.string(stacks, "name_template").filter(s -> !s.isBlank());
    Map<String, Object> components = check.map(raw, "components");
    Map<String, String> bases = new LinkedHashMap<>();
    Map<String, String> commands = new LinkedHashMap<>();
    bases.put("terraform", "components/terraform");
    bases.put("helmfile", "components/helmfile");
    bases.put("packer", "components/packer");
    for (Map.Entry<String, Object> e : components.entrySet()) {
      Map<String, Object> section = Values.map(e.getValue());
      Values.string(section, "base_path").ifPresent(p -> bases.put(e.getKey(), p));
      Values.string(section, "command").ifPresent(c -> commands.put(e.getKey(), c));
    }
    bases.replaceAll((k, v) -> paths.under(base, v));
    Map<String, Object> terraform = Values.map(components, "terraform");
    boolean workspaces = Values.bool(terraform.get("workspaces_enabled"), true);
    String separator = Values.string(Values.map(terraform, "workspace"), "prefix_separator").orElse("-");
    Map<String, Object> settings = check.map(raw, "settings");
    ListMergeStrategy strategy = ListMergeStrategy.REPLACE;
    if (settings.containsKey("list_merge_strategy")) {
      Optional<ListMergeStrategy> parsed = ListMergeStrategy.parse(settings.get("list_merge_strategy"));
      if (parsed.isEmpty()) {
        problems.error("atmos-config", "settings.list_merge_strategy must be replace, append or merge, not "
            + settings.get("list_merge_strategy"), check.location("settings", "list_merge_strategy"), null);
      }
      strategy = parsed.orElse(ListMergeStrategy.REPLACE);
    }
    Map<String, Object> templateSettings = Values.path(raw, "templates", "settings");
    boolean templates = Values.bool(templateSettings.get("enabled"), !present);
    boolean ignoreMissing = Values.bool(templateSettings.get("ignore_missing_template_values"), false);
    int evaluations = templateSettings.get("evaluations") instanceof Number n && n.intValue() > 0 ? n.intValue() : 1;
    List<String> delimiters = List.of("{{", "}}");
    if (templateSettings.containsKey("delimiters")) {
      List<String> given = Values.strings(templateSettings.get("delimiters"));
      if (given.size() == 2 && !given.get(0).isEmpty() && !given.get(1).isEmpty()) {
        delimiters = given;
      } else {
        problems.error("atmos-config", "templates.settings.delimiters must be a list of two non-empty strings, the left "
            + "and right delimiter", check.location("templates", "settings", "delimiters"), "write delimiters: [\"{{\", \"}}\"]");
      }
    }
    TemplateSettings settingsOfTemplates = new TemplateSettings(
        Values.bool(Values.map(templateSettings, "sprig").get("enabled"), !present),
        Values.bool(Values.map(templateSettings, "gomplate").get("enabled"), !present),
        Math.min(evaluations, 10), delimiters.get(0), delimiters.get(1),
        environmentOf(Values.map(templateSettings, "env")));
    boolean inheritMetadata = Values.bool(Values.path(raw, "stacks", "inherit").get("metadata"), true);
    Map<String, Object> env = check.map(raw, "env");
    Optional<String> vendor = Values.string(Values.map(raw, "vendor"), "base_path").map(p -> paths.under(base, p));
    if (vendor.isPresent() && paths.leavesRepository(vendor.get()) && !paths.leavesRepository(base)) {
      problems.error("path-outside-repository", "vendor base path `" + vendor.get() + "` leaves the repository",
          check.valueLocation("vendor", "base_path"), "keep vendor.yaml inside the repository");
    }
    return new AtmosConfig(present, base, stacksBase, List.copyOf(included), List.copyOf(excluded), pattern, template,
        Map.copyOf(bases), Map.copyOf(commands), workspaces, separator, strategy, templates, ignoreMissing,
        settingsOfTemplates,
        inheritMetadata, env, vendor, paths.label(), Values.map(raw, "version"),
        // Atmos's LockFilePath: version.lock_file (default versions.lock.yaml) under base_path
        paths.under(base, Values.string(Values.map(raw, "version"), "lock_file").orElse("versions.lock.yaml")),
        // Atmos validates every manifest against schemas.atmos.manifest when atmos.yaml names one
        Values.string(Values.path(raw, "schemas", "atmos"), "manifest").filter(m -> !m.isBlank()).isPresent());
  }

  /** Atmos's {@code EffectiveTrack}: atmos.yaml's {@code version.track}, else {@code default}. */
  public String versionTrack() {
    return Values.string(version, "track").filter(t -> !t.isEmpty()).orElse("default");
  }

  /** The folder of component {@code type} (repo-relative); {@code components/<type>} by default. */
  public String componentBasePath(String type) {
    String base = componentBasePaths.get(type);
    return base != null ? base : RepoPaths.join(basePath, "components/" + type);
  }

  private static final class Checker {
    private final YamlFile file;
    private final String label;
    private final Problems problems;

    Checker(YamlFile file, String label, Problems problems) {
      this.file = file;
      this.label = label;
      this.problems = problems;
    }

    SourceLocation location(String... keys) {
      return file == null ? SourceLocation.ofFile(label) : file.location(List.of(keys));
    }

    /** Where the value of {@code keys} is, or the file when the key is not written in it. */
    SourceLocation valueLocation(String... keys) {
      return file == null ? SourceLocation.ofFile(label) : file.valueLocation(List.of(keys));
    }

    /** The key paths of the maps {@link #map} returned, so a problem inside one is placed at its own key. */
    private final Map<Map<String, Object>, List<String>> paths = new java.util.IdentityHashMap<>();

    private List<String> path(Map<String, Object> parent, String key) {
      List<String> path = new java.util.ArrayList<>(paths.getOrDefault(parent, List.of()));
      path.add(key);
      return path;
    }

    private void mismatch(Map<String, Object> parent, String key, String expected, Object found) {
      List<String> path = path(parent, key);
      problems.error("type-mismatch", "atmos.yaml `" + String.join(".", path) + "` must be " + expected + ", found "
          + Values.typeName(found), file == null ? SourceLocation.ofFile(label) : file.location(path), null);
    }

    Map<String, Object> map(Map<String, Object> parent, String key) {
      Object v = parent.get(key);
      if (v != null && !(v instanceof Map)) {
        mismatch(parent, key, "a map", v);
      }
      Map<String, Object> map = Values.map(v);
      if (v instanceof Map) {
        paths.put(map, path(parent, key));
      }
      return map;
    }

    Optional<String> string(Map<String, Object> parent, String key) {
      Object v = parent.get(key);
      if (v != null && !(v instanceof String)) {
        mismatch(parent, key, "a string", v);
        return Optional.empty();
      }
      return Optional.ofNullable((String) v);
    }

    List<String> strings(Map<String, Object> parent, String key) {
      Object v = parent.get(key);
      if (v != null && !(v instanceof List)) {
        mismatch(parent, key, "a list", v);
      }
      return Values.strings(v);
    }
  }
}
