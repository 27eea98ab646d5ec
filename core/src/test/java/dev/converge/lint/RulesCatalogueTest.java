package dev.converge.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code docs/rules.md} is the catalogue of lint rules: every rule in the code is there with its severity, and nothing else. */
class RulesCatalogueTest {

  static final Path CATALOGUE = Path.of("..", "docs", "rules.md");
  static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (error|warning|info) \\| .+\\|$");

  static Map<String, String> lintTable() throws IOException {
    String text = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
    String section = text.substring(text.indexOf("## Lint rules"), text.indexOf("## Details"));
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : section.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        assertThat(rows.put(m.group(1), m.group(2))).as("rule %s listed twice", m.group(1)).isNull();
      }
    }
    return rows;
  }

  @Test
  void catalogue_listsExactlyTheRulesOfTheCodeWithTheirSeverities() throws IOException {
    Map<String, String> code = new LinkedHashMap<>();
    Arrays.stream(LintRule.values()).forEach(r -> code.put(r.id(), r.severity().word()));

    assertThat(lintTable()).containsExactlyInAnyOrderEntriesOf(code);
  }

  @Test
  void catalogue_rulesInTheOrderOfTheCode() throws IOException {
    assertThat(lintTable().keySet()).containsExactlyElementsOf(Arrays.stream(LintRule.values()).map(LintRule::id).toList());
  }

  @Test
  void ruleIds_stableKebabCase() {
    assertThat(LintRule.values()).extracting(LintRule::id).allMatch(id -> id.matches("[a-z]+(-[a-z0-9]+)*"))
        .doesNotHaveDuplicates();
  }
}
