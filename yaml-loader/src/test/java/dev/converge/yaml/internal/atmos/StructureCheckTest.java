package dev.converge.yaml.internal.atmos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table of keys the loader reads is the table docs/yaml-loader.md documents. */
class StructureCheckTest {

  private static final Path DOC = Path.of("../docs/yaml-loader.md");
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([a-z ]+) \\|$");

  @Test
  void keys_equalTheDocumentedTable() throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    int start = lines.indexOf("### Keys the loader reads");
    assertThat(start).as("section in %s", DOC).isPositive();
    Map<String, String> documented = new LinkedHashMap<>();
    for (String line : lines.subList(start, lines.size())) {
      if (line.startsWith("#") && !line.equals(lines.get(start))) {
        break;
      }
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        documented.put(m.group(1), m.group(2));
      }
    }
    Map<String, String> code = new LinkedHashMap<>();
    StructureCheck.KEYS.forEach((key, expected) -> code.put(key, switch (expected) {
      case MAP -> "map";
      case LIST -> "list";
      case STRING, SCALAR -> "string";
      case BOOLEAN -> "boolean";
      case IMPORTS -> "list of paths";
    }));

    assertThat(documented).containsExactlyEntriesOf(code);
  }

  @Test
  void expected_fitsOnlyItsOwnTypes() {
    assertThat(StructureCheck.Expected.SCALAR.fits("vpc")).isTrue();
    assertThat(StructureCheck.Expected.SCALAR.fits(12)).isTrue();
    assertThat(StructureCheck.Expected.SCALAR.fits(List.of("vpc"))).isFalse();
    assertThat(StructureCheck.Expected.SCALAR.fits(Map.of("a", 1))).isFalse();
    assertThat(StructureCheck.Expected.BOOLEAN.fits("False")).isTrue();
    assertThat(StructureCheck.Expected.BOOLEAN.fits("{{ .settings.on }}")).isTrue();
    assertThat(StructureCheck.Expected.BOOLEAN.fits("yes")).isFalse();
    assertThat(StructureCheck.Expected.BOOLEAN.fits(0)).isFalse();
    assertThat(StructureCheck.Expected.IMPORTS.fits("catalog/vpc")).isTrue();
    assertThat(StructureCheck.Expected.IMPORTS.fits(Map.of())).isFalse();
  }
}
