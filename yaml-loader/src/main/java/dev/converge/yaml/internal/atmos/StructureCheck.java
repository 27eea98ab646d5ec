package dev.converge.yaml.internal.atmos;

import dev.converge.diagnostic.DidYouMean;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.yaml.YamlFile;
import java.util.ArrayList;
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
  static final Set<String> STRING_SECTIONS = Set.of("backend_type", "remote_state_backend_type", "command", "component");

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
    Object name = raw.get("name");
    if (name != null && !(name instanceof String)) { // Atmos's stack manifest schema: a string
      mismatch(file, problems, List.of("name"), "a string (the stack's name)", name);
    }
    Object imports = raw.get("import");
    if (imports != null && !(imports instanceof List) && !(imports instanceof String)) {
      mismatch(file, problems, List.of("import"), "a list of paths", imports);
    }
    for (String section : List.of("vars", "settings", "env", "overrides", "metadata", "components", "dependencies",
        "version")) {
      expectMap(file, problems, raw, List.of(section));
    }
    for (String type : ComponentTypes.ALL) {
      if (expectMap(file, problems, raw, List.of(type))) {
        Map<String, Object> typed = Values.map(raw.get(type));
        for (String section : MAP_SECTIONS) {
          expectMap(file, problems, typed, List.of(type, section));
        }
      }
      Object components = Values.map(raw.get("components")).get(type);
      if (components == null) {
        continue;
      }
      if (!(components instanceof Map)) {
        mismatch(file, problems, List.of("components", type), "a map of components", components);
        continue;
      }
      for (Map.Entry<String, Object> c : Values.map(components).entrySet()) {
        List<String> at = List.of("components", type, c.getKey());
        if (c.getValue() == null) {
          continue;
        }
        if (!(c.getValue() instanceof Map)) {
          mismatch(file, problems, at, "a map (the component's sections)", c.getValue());
          continue;
        }
        Map<String, Object> component = Values.map(c.getValue());
        for (String section : MAP_SECTIONS) {
          expectMap(file, problems, component, at, section);
        }
        for (String section : STRING_SECTIONS) {
          Object v = component.get(section);
          if (v != null && (v instanceof Map || v instanceof List)) {
            mismatch(file, problems, append(at, section), "a string", v);
          }
        }
        Object inherits = Values.map(component.get("metadata")).get("inherits");
        if (inherits != null && !(inherits instanceof List)) {
          mismatch(file, problems, append(append(at, "metadata"), "inherits"), "a list of component names", inherits);
        }
      }
    }
  }

  private static boolean expectMap(YamlFile file, Problems problems, Map<String, Object> parent, List<String> at) {
    return expectMap(file, problems, parent, at.subList(0, at.size() - 1), at.get(at.size() - 1));
  }

  /** Whether {@code parent.key} is a map; reports it at {@code parentAt.key} when it is something else. */
  private static boolean expectMap(YamlFile file, Problems problems, Map<String, Object> parent, List<String> parentAt,
      String key) {
    Object v = parent.get(key);
    if (v == null) {
      return false;
    }
    if (!(v instanceof Map)) {
      mismatch(file, problems, append(parentAt, key), "a map", v); // the path is made only to report it
      return false;
    }
    return true;
  }

  private static void mismatch(YamlFile file, Problems problems, List<String> at, String expected, Object found) {
    problems.error("type-mismatch", "`" + String.join(".", at) + "` must be " + expected + ", found "
        + Values.typeName(found), file.valueLocation(at), "write " + expected + " here");
  }

  private static List<String> append(List<String> list, String item) {
    List<String> result = new ArrayList<>(list);
    result.add(item);
    return result;
  }
}
