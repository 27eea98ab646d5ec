package dev.converge.yaml.internal.vendor;

import dev.converge.yaml.VendorPin;
import dev.converge.yaml.internal.atmos.Values;
import dev.converge.internal.hint.DidYouMean;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.source.RepoPaths;
import dev.converge.yaml.internal.yaml.YamlFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code vendor.yaml} ({@code kind: AtmosVendorConfig}): which folders its sources fill, and
 * at which version. Source and target paths are templates over {@code .Component} and
 * {@code .Version} only, as in Atmos; a target may be a string or {@code {path, version}}.
 * Relative targets resolve against the vendor file's folder.
 */
public final class VendorReader {

  private static final Pattern TOKEN = Pattern.compile("\\{\\{-?\\s*\\.(Component|Version)\\s*-?}}");
  private static final Set<String> SOURCE_KEYS = Set.of("component", "source", "version", "targets", "included_paths",
      "excluded_paths", "tags", "retry", "constraints", "file");

  private VendorReader() {}

  /**
   * The pins of one vendor file.
   *
   * @param componentBases component base paths (repo-relative) by type
   */
  public static List<VendorPin> read(YamlFile file, Map<String, String> componentBases, Problems problems) {
    List<VendorPin> pins = new ArrayList<>();
    Map<String, Object> root = Values.map(file.value());
    Object sources = Values.map(root, "spec").get("sources");
    if (sources == null) {
      return pins;
    }
    if (!(sources instanceof List<?> list)) {
      problems.error("type-mismatch", "spec.sources must be a list, found " + Values.typeName(sources),
          file.valueLocation(List.of("spec", "sources")), null);
      return pins;
    }
    String dir = RepoPaths.parent(file.path());
    for (int i = 0; i < list.size(); i++) {
      List<String> at = List.of("spec", "sources", String.valueOf(i));
      if (!(list.get(i) instanceof Map)) {
        problems.error("type-mismatch", "a vendor source must be a map", file.valueLocation(at), null);
        continue;
      }
      Map<String, Object> source = Values.map(list.get(i));
      for (String key : source.keySet()) {
        if (!SOURCE_KEYS.contains(key)) {
          problems.warning("unknown-key", "unknown vendor source key `" + key + "`" + DidYouMean.hint(key, SOURCE_KEYS),
              file.location(append(at, key)), null);
        }
      }
      Optional<String> component = Values.text(source.get("component"));
      Optional<String> version = Values.text(source.get("version"));
      Optional<String> uri = Values.text(source.get("source"));
      Object targets = source.get("targets");
      if (uri.isEmpty() || !(targets instanceof List<?> targetList) || targetList.isEmpty()) {
        problems.error("vendor-invalid", "a vendor source needs `source` and `targets`", file.location(at),
            "add the source URL and at least one target folder");
        continue;
      }
      for (Object target : targetList) {
        String path;
        Optional<String> targetVersion = version;
        if (target instanceof Map<?, ?>) {
          Map<String, Object> t = Values.map(target);
          path = Values.text(t.get("path")).orElse("");
          targetVersion = Values.text(t.get("version")).or(() -> version);
        } else {
          path = Values.text(target).orElse("");
        }
        if (path.isEmpty()) {
          problems.error("vendor-invalid", "a vendor target needs a path", file.valueLocation(append(at, "targets")), null);
          continue;
        }
        String rendered = render(path, component.orElse(""), targetVersion.orElse(""));
        String repoPath = RepoPaths.join(dir, rendered);
        String folder = repoPath;
        for (String base : componentBases.values()) {
          if (repoPath.startsWith(base + "/")) {
            folder = repoPath.substring(base.length() + 1);
          }
        }
        pins.add(VendorPin.builder().component(component).folder(folder).target(repoPath)
            .source(render(uri.get(), component.orElse(""), targetVersion.orElse(""))).version(targetVersion)
            .location(file.location(at)).build());
      }
    }
    return pins;
  }

  static String render(String template, String component, String version) {
    Matcher m = TOKEN.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals("Component") ? component : version));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static List<String> append(List<String> list, String item) {
    List<String> result = new ArrayList<>(list);
    result.add(item);
    return result;
  }
}
