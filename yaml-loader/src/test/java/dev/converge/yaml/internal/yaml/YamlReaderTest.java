package dev.converge.yaml.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.diagnostic.Problem;
import dev.converge.yaml.internal.problem.Problems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  private final Problems problems = new Problems();

  private Object read(String text) {
    return YamlReader.read("f.yaml", text, problems).map(YamlFile::value).orElse(null);
  }

  @Test
  void read_scalars_typedAsYaml12CoreSchema() {
    Object value = read("a: 1\nb: \"2\"\nc: true\nd: 1.5\ne: null\nf: yes\ng: 0x10\n");

    assertThat(value).isEqualTo(mapOf("a", 1L, "b", "2", "c", true, "d", 1.5, "e", null, "f", "yes", "g", 16L));
  }

  @Test
  void read_integerKeys_becomeStrings() {
    assertThat(read("depends_on:\n  1: {component: vpc}\n"))
        .isEqualTo(Map.of("depends_on", Map.of("1", Map.of("component", "vpc"))));
  }

  @Test
  void read_applicationTags_keptAsOpaqueStrings() {
    assertThat(read("a: !env HOME\nb: !terraform.output vpc id\n"))
        .isEqualTo(Map.of("a", "!env HOME", "b", "!terraform.output vpc id"));
  }

  @Test
  void read_mergeKeys_explicitKeysWin() {
    assertThat(read("base: &b {x: 1, y: 1}\nchild:\n  <<: *b\n  y: 2\n"))
        .isEqualTo(Map.of("base", Map.of("x", 1L, "y", 1L), "child", Map.of("x", 1L, "y", 2L)));
  }

  @Test
  void read_duplicateKey_problemAtTheSecondKeyNamingTheFirst() {
    read("a: 1\nb: 2\na: 3\n");

    Problem p = problems.all().get(0);
    assertThat(p.rule()).isEqualTo("yaml-duplicate-key");
    assertThat(p.location().orElseThrow().render()).isEqualTo("f.yaml:3:1");
    assertThat(p.message()).contains("first at line 1");
  }

  @Test
  void read_syntaxError_problemWithOneBasedLineAndColumn() {
    read("a:\n  - b\n c: d\n");

    assertThat(problems.all()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("yaml-syntax");
      assertThat(p.location().orElseThrow().line()).isEqualTo(3);
    });
  }

  @Test
  void read_emptyDocument_isNull() {
    assertThat(YamlReader.read("f.yaml", "# nothing\n", problems)).hasValueSatisfying(f -> assertThat(f.value()).isNull());
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void location_ofNestedKeyAndListItem() {
    YamlFile file = YamlReader.read("f.yaml", "a:\n  b:\n    - x\n    - y\n", problems).orElseThrow();

    assertThat(file.location(List.of("a", "b")).render()).isEqualTo("f.yaml:2:3");
    assertThat(file.valueLocation(List.of("a", "b", "1")).render()).isEqualTo("f.yaml:4:7");
    assertThat(file.location(List.of("a", "zzz")).render()).isEqualTo("f.yaml:1:1");
  }

  private static Map<String, Object> mapOf(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
