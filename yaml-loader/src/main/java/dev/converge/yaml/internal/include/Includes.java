package dev.converge.yaml.internal.include;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.source.RepoPaths;
import dev.converge.yaml.internal.atmos.Values;
import dev.converge.yaml.internal.source.SourceTree;
import dev.converge.yaml.internal.value.CompactMap;
import dev.converge.yaml.internal.yaml.YamlFile;
import dev.converge.yaml.internal.yaml.YamlFunction;
import dev.converge.yaml.internal.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces the {@code !include} and {@code !include.raw} functions of a parsed file by what they
 * include, as Atmos does while it reads the file ({@code pkg/utils/yaml_include_by_extension.go}),
 * so that a whole section ({@code vars: !include dev.tfvars}, {@code import: !include
 * imports.yaml}) or a single value can come from another file.
 *
 * <p>The argument is a path and an optional query: {@code !include config/vpc.yaml .vars.cidr}.
 * A path starting with {@code ./} or {@code ../} is relative to the including file's folder; any
 * other is relative to the base path (Atmos tries the working folder first, which Converge, reading
 * a repository at any revision, does not have). The file is read by its extension: {@code .yaml}
 * and {@code .yml} as YAML (its own includes replaced in turn), {@code .json} as JSON,
 * {@code .tf}, {@code .tfvars} and {@code .hcl} as literal HCL ({@link HclValues}), {@code .env} as
 * {@code KEY=value} lines, anything else as text; {@code !include.raw} always as text. The query
 * is the part of yq's language that selects: {@code .a.b}, {@code .a[0]}, {@code .["a key"]}.
 * A remote path, a path leaving the repository, a missing file, an include cycle and a query that
 * selects nothing are problems at the function.
 */
public final class Includes {

  /** Includes nested in included YAML files, at most. */
  static final int MAX_DEPTH = 16;

  private final SourceTree tree;
  private final String basePath;
  private final Problems problems;
  private boolean templated;
  private boolean functions;

  private Includes(SourceTree tree, String basePath, Problems problems) {
    this.tree = tree;
    this.basePath = basePath;
    this.problems = problems;
  }

  /** {@code file} with its includes replaced; empty when one of them is a problem (recorded). */
  public static Optional<YamlFile> resolve(YamlFile file, SourceTree tree, String basePath, Problems problems) {
    if (!file.includes()) {
      return Optional.of(file);
    }
    Includes includes = new Includes(tree, basePath, problems);
    includes.templated = file.templated();
    includes.functions = file.functions();
    int before = problems.size();
    Object value = includes.replace(file.value(), file.path(), List.of(file.path()));
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(file.withValue(value, includes.templated, includes.functions));
  }

  private Object replace(Object value, String from, List<String> chain) {
    return Values.rewrite(value, leaf -> leaf instanceof YamlFunction function ? include(function, from, chain) : leaf,
        REMOVED);
  }

  /** Never returned by an include: nothing is removed. */
  private static final Object REMOVED = new Object();

  private Object include(YamlFunction function, String from, List<String> chain) {
    SourceLocation at = function.location();
    String argument = function.argument();
    if (argument.isEmpty()) {
      return problem(at, "`" + function.tag() + "` needs a file: `" + function.tag() + " path/to/file.yaml`");
    }
    String[] parts = split(argument);
    String target = parts[0];
    String query = parts[1];
    if (target.contains("://") || target.contains("::")) {
      return problem(at, "`" + function.text() + "` includes a remote file; Converge reads only the repository "
          + "(vendor the file into the repository and include it by path)");
    }
    if (target.startsWith("/")) {
      return problem(at, "`" + function.text() + "` includes an absolute path; include a path inside the repository");
    }
    String path = target.startsWith("./") || target.startsWith("../") || target.equals(".") || target.equals("..")
        ? RepoPaths.join(RepoPaths.parent(from), target) : RepoPaths.join(basePath, target);
    if (RepoPaths.leavesRoot(path)) {
      return problem(at, "`" + function.text() + "` includes `" + path + "`, which leaves the repository");
    }
    if (chain.contains(path)) {
      return problem(at, "include cycle: " + String.join(" -> ", chain) + " -> " + path);
    }
    if (chain.size() > MAX_DEPTH) {
      return problem(at, "includes nested more than " + MAX_DEPTH + " deep");
    }
    int beforeRead = problems.size();
    Optional<String> text = tree.readText(path, problems);
    if (problems.size() > beforeRead) {
      return null;
    }
    if (text.isEmpty()) {
      return problem(at, "`" + function.text() + "` includes `" + path + "`, which does not exist (paths starting with"
          + " ./ or ../ are relative to this file, others to the base path `" + (basePath.isEmpty() ? "." : basePath)
          + "`)");
    }
    Object content = function.tag().equals(YamlFunction.INCLUDE_RAW) ? text.get() : parse(path, text.get(), at, chain);
    if (content == FAILED) {
      return null;
    }
    if (query.isEmpty()) {
      return content;
    }
    try {
      return Query.select(content, query);
    } catch (IllegalArgumentException e) {
      return problem(at, "`" + function.text() + "`: " + e.getMessage());
    }
  }

  private static final Object FAILED = new Object();

  private Object parse(String path, String text, SourceLocation at, List<String> chain) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String extension = name.lastIndexOf('.') > 0 ? name.substring(name.lastIndexOf('.')) : name.startsWith(".env") ? ".env" : "";
    switch (extension) {
      case ".yaml", ".yml", ".json": {
        int before = problems.size();
        Optional<YamlFile> file = YamlReader.read(path, text, problems);
        if (file.isEmpty() || problems.size() > before) {
          return FAILED;
        }
        templated |= file.get().templated();
        functions |= file.get().functions();
        List<String> deeper = new ArrayList<>(chain);
        deeper.add(path);
        Object value = replace(file.get().value(), path, deeper);
        return problems.size() > before ? FAILED : value;
      }
      case ".tf", ".tfvars", ".hcl":
        try {
          return HclValues.parse(text);
        } catch (HclValues.HclException e) {
          problems.error("include-invalid", e.getMessage(), SourceLocation.of(path, e.line, e.column),
              "only literal values (strings, numbers, booleans, lists, objects) can be included");
          return FAILED;
        }
      case ".env":
        return dotenv(text);
      default:
        templated |= text.contains("{{");
        return text;
    }
  }

  /** {@code KEY=value} lines; {@code #} comments, {@code export }, and quotes around a value are dropped. */
  private static Map<String, Object> dotenv(String text) {
    CompactMap values = new CompactMap();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.indexOf('=') < 1) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      values.put(line.substring(0, eq).strip(), value);
    }
    return values;
  }

  /** The path and the query of an argument; a quoted path may hold spaces. */
  private static String[] split(String argument) {
    String a = argument.strip();
    if (a.startsWith("\"") || a.startsWith("'")) {
      int end = a.indexOf(a.charAt(0), 1);
      if (end > 0) {
        return new String[] {a.substring(1, end), a.substring(end + 1).strip()};
      }
    }
    int space = a.indexOf(' ');
    return space < 0 ? new String[] {a, ""} : new String[] {a.substring(0, space), a.substring(space + 1).strip()};
  }

  private Object problem(SourceLocation at, String message) {
    problems.error("include-invalid", message, at, "point the function at a file in the repository; "
        + "see docs/yaml-loader.md, YAML functions");
    return null;
  }
}
