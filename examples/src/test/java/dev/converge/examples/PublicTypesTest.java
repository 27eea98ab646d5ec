package dev.converge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public types of each library module, outside {@code internal} packages, are exactly those
 * docs/java-api.md lists under "Public types": a type added, removed or made public is a change an
 * embedder sees, so it changes the list in the same commit. On a difference the failure prints the
 * block to put in the docs.
 */
class PublicTypesTest {

  static final Path DOC = Path.of("..", "docs", "java-api.md");

  /** The library modules, by the folder (or jar name) their classes come from. */
  static final List<String> MODULES = List.of("core", "yaml-loader", "terraform-runner", "testkit");

  static final Pattern LOCATION = Pattern.compile("/(core|yaml-loader|terraform-runner|testkit|cli|examples|benchmarks)/target/");

  @Test
  void publicTypesAreTheOnesTheDocsList() throws IOException {
    Map<String, TreeSet<String>> actual = new TreeMap<>();
    MODULES.forEach(m -> actual.put(m, new TreeSet<>()));
    for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.converge")) {
      if (!type.getModifiers().contains(JavaModifier.PUBLIC) || type.isNestedClass()
          || type.getPackageName().contains(".internal") || type.getSimpleName().equals("package-info")) {
        continue;
      }
      module(type).filter(actual::containsKey).ifPresent(m -> actual.get(m).add(type.getName()));
    }
    assertThat(actual.get("core")).as("the import found core's classes").contains("dev.converge.RolloutPlanner");

    String expected = render(actual);
    assertThat(documented()).as("docs/java-api.md, the block after <!-- public-types -->; it should read:%n%s", expected)
        .isEqualTo(expected);
  }

  /** The module a class comes from; empty for test classes (a module's test jar is on this classpath too). */
  static Optional<String> module(JavaClass type) {
    return type.getSource().map(s -> s.getUri().toString())
        .filter(uri -> !uri.contains("/test-classes/") && !uri.contains("-tests.jar"))
        .map(LOCATION::matcher).filter(Matcher::find).map(m -> m.group(1));
  }

  static String render(Map<String, TreeSet<String>> types) {
    StringBuilder out = new StringBuilder();
    types.forEach((module, names) -> {
      out.append("converge-").append(module).append(" (").append(names.size()).append(")\n");
      names.forEach(n -> out.append("  ").append(n).append('\n'));
    });
    return out.toString();
  }

  static String documented() throws IOException {
    String text = Files.readString(DOC);
    int marker = text.indexOf("<!-- public-types -->");
    assertThat(marker).as("docs/java-api.md has a <!-- public-types --> block").isNotNegative();
    int start = text.indexOf("```text\n", marker) + "```text\n".length();
    int end = text.indexOf("```", start);
    return text.substring(start, end);
  }

  @Test
  void renderGroupsByModuleWithCounts() {
    Map<String, TreeSet<String>> types = new TreeMap<>(Map.of("core", new TreeSet<>(List.of("b.B", "a.A"))));

    assertThat(render(types)).isEqualTo("converge-core (2)\n  a.A\n  b.B\n");
    assertThat(types.values().stream().map(TreeSet::size).collect(Collectors.toList())).containsExactly(2);
  }
}
