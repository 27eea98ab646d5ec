package dev.converge.yaml.internal.atmos;

import dev.converge.internal.hint.DidYouMean;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.yaml.YamlFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the shape of one stack file where it was written, so a type mismatch (a list where a map
 * belongs) is reported at its own file, line and column rather than somewhere after the merge.
 * Unknown top-level keys are warnings (Atmos ignores them unless its JSON schema is configured).
 */
final class StructureCheck {

  static final Set<String> TOP_LEVEL = Set.of("import", "vars", "settings", "env", "terraform", "helmfile", "packer",
      "ansible", "components", "overrides", "name", "metadata", "locals", "dependencies", "hooks", "auth", "generate",
      "workflows", "description", "secrets", "providers", "backend", "backend_type", "remote_state_backend",
      "remote_state_backend_type", "version");
  static final Set<String> MAP_SECTIONS = Set.of("vars", "settings", "env", "overrides", "metadata", "providers",
      "backend", "remote_state_backend", "dependencies", "hooks", "auth", "generate", "required_providers", "source",
      "provision", "locals");

  private StructureCheck() {}

  /**
   * The keys Atmos's stack manifest schema ({@code pkg/datafetcher/schema/atmos/manifest/1.0.json})
   * allows in each component-type section, which it closes ({@code additionalProperties: false}).
   */
  static final Map<String, Set<String>> SCHEMA_SECTION_KEYS = Map.of(
      "terraform", Set.of("backend", "backend_type", "command", "dependencies", "depends_on", "env", "generate", "hooks",
          "locals", "overrides", "providers", "provision", "remote_state_backend", "remote_state_backend_type",
          "required_providers", "required_version", "retry", "settings", "vars"),
      "helmfile", Set.of("command", "dependencies", "env", "hooks", "locals", "overrides", "plugins", "provision", "retry",
          "settings", "vars"),
      "packer", Set.of("command", "dependencies", "env", "locals", "overrides", "provision", "retry", "settings", "vars"));

  static void check(YamlFile file, Map<String, Object> raw, Problems problems) {
    check(file, raw, problems, false);
  }

  /**
   * @param schema atmos.yaml configures {@code schemas.atmos.manifest}: Atmos then validates each
   *     manifest against it, and a key its closed sections do not allow is an error, as there
   */
  static void check(YamlFile file, Map<String, Object> raw, Problems problems, boolean schema) {
    if (schema) {
      SCHEMA_SECTION_KEYS.forEach((type, allowed) -> {
        if (raw.get(type) instanceof Map<?, ?> section) {
          for (Object key : section.keySet()) {
            String k = String.valueOf(key);
            if (!allowed.contains(k)) {
              problems.error("manifest-schema", "`" + type + "." + k + "` is not allowed by Atmos's stack manifest schema"
                  + " (additional properties are not allowed in `" + type + "`)" + DidYouMean.hint(k, allowed),
                  file.location(List.of(type, k)), "remove or rename it; schemas.atmos.manifest in atmos.yaml validates"
                  + " every manifest");
            }
          }
        }
      });
    }
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String key = e.getKey();
      if (!TOP_LEVEL.contains(key)) {
        problems.warning("unknown-key", "unknown stack key `" + key + "`" + DidYouMean.hint(key, TOP_LEVEL),
            file.location(List.of(key)), "Atmos ignores it; remove or rename it");
      }
    }
    for (Map.Entry<String[], Expected> pattern : PATTERNS) {
      walk(file, raw, pattern.getKey(), 0, new ArrayList<>(), pattern.getValue(), problems);
    }
  }

  /** What a key's value must be; {@code null} always fits (the key is as good as absent). */
  enum Expected {
    MAP("a map"),
    LIST("a list"),
    STRING("a string"),
    /** A string, number or boolean: a name Atmos formats as text. */
    SCALAR("a string"),
    /** {@code true} or {@code false} (also quoted), or a string a template or YAML function makes one. */
    BOOLEAN("true or false"),
    /** One import path or a list of them. */
    IMPORTS("a list of paths");

    final String text;

    Expected(String text) {
      this.text = text;
    }

    boolean fits(Object v) {
      return switch (this) {
        case MAP -> v instanceof Map;
        case LIST -> v instanceof List;
        case STRING -> v instanceof String;
        case SCALAR -> !(v instanceof Map) && !(v instanceof List);
        case BOOLEAN -> v instanceof Boolean || v instanceof String s && (s.equalsIgnoreCase("true")
            || s.equalsIgnoreCase("false") || s.contains("{{") || s.startsWith("!"));
        case IMPORTS -> v instanceof List || v instanceof String;
      };
    }
  }

  /**
   * Every key of a stack manifest the loader reads, with what its value must be: the table
   * docs/yaml-loader.md documents under "Keys the loader reads" ({@code StructureCheckTest} holds
   * them equal). {@code <type>} is a component type ({@link ComponentTypes#ALL}), {@code <component>}
   * any component's name, {@code <map section>} one of {@link #MAP_SECTIONS}. Checked in this order.
   */
  static final Map<String, Expected> KEYS = keys();

  private static Map<String, Expected> keys() {
    Map<String, Expected> k = new LinkedHashMap<>();
    k.put("name", Expected.STRING);
    k.put("import", Expected.IMPORTS);
    for (String section : List.of("vars", "settings", "env", "overrides", "metadata", "components", "dependencies",
        "version")) {
      k.put(section, Expected.MAP);
    }
    k.put("<type>", Expected.MAP);
    k.put("<type>.<map section>", Expected.MAP);
    k.put("components.<type>", Expected.MAP);
    k.put("components.<type>.<component>", Expected.MAP);
    k.put("components.<type>.<component>.<map section>", Expected.MAP);
    for (String key : List.of("component", "command", "backend_type", "remote_state_backend_type")) {
      k.put("components.<type>.<component>." + key, Expected.SCALAR);
    }
    for (String key : List.of("component", "type", "terraform_workspace", "terraform_workspace_pattern")) {
      k.put("components.<type>.<component>.metadata." + key, Expected.SCALAR);
    }
    k.put("components.<type>.<component>.metadata.inherits", Expected.LIST);
    k.put("components.<type>.<component>.metadata.enabled", Expected.BOOLEAN);
    k.put("components.<type>.<component>.metadata.locked", Expected.BOOLEAN);
    return java.util.Collections.unmodifiableMap(k);
  }

  private static final List<Map.Entry<String[], Expected>> PATTERNS = KEYS.entrySet().stream()
      .map(e -> Map.entry(e.getKey().split("\\."), e.getValue())).toList();

  /** Checks every value {@code segments[i..]} reaches from {@code node} (at {@code at}). */
  private static void walk(YamlFile file, Map<String, Object> node, String[] segments, int i, List<String> at,
      Expected expected, Problems problems) {
    String segment = segments[i];
    boolean placeholder = segment.startsWith("<");
    for (String key : placeholder ? node.keySet() : List.of(segment)) { // in the file's order
      Object v = node.get(key);
      if (v == null || placeholder && !matches(segment, key)) {
        continue;
      }
      at.add(key);
      if (i == segments.length - 1) {
        if (!expected.fits(v)) {
          mismatch(file, problems, List.copyOf(at), expected.text, v);
        }
      } else if (v instanceof Map) {
        walk(file, Values.map(v), segments, i + 1, at, expected, problems);
      }
      at.remove(at.size() - 1);
    }
  }

  private static boolean matches(String placeholder, String key) {
    return switch (placeholder) {
      case "<type>" -> ComponentTypes.ALL.contains(key);
      case "<map section>" -> MAP_SECTIONS.contains(key);
      default -> true; // <component>
    };
  }

  private static void mismatch(YamlFile file, Problems problems, List<String> at, String expected, Object found) {
    problems.error("type-mismatch", "`" + String.join(".", at) + "` must be " + expected + ", found "
        + Values.typeName(found), file.valueLocation(at), "write " + expected + " here");
  }
}
