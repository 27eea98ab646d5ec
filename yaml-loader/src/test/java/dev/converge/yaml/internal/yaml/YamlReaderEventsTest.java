package dev.converge.yaml.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.diagnostic.Problem;
import dev.converge.yaml.internal.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the reader does that the composer did before it: locations, aliases, merge keys, bounds. */
class YamlReaderEventsTest {

  private final Problems problems = new Problems();

  private static final List<String> DOCUMENTS = List.of(
      "import:\n  - catalog/a\n  - catalog/b\nvars:\n  stage: dev\ncomponents:\n  terraform:\n    vpc:\n"
          + "      metadata: {component: vpc}\n      vars:\n        cidr: 10.0.0.0/16\n        tags: {a: 1, b: [x, y]}\n",
      "{a: {b: {c: {d: {e: 1}}}}, f: [[1, [2, [3]]], {g: h}]}\n",
      "base: &b\n  x: 1\n  y: {z: 2}\nlist: &l [1, 2]\nchild:\n  <<: *b\n  y: 3\nagain: *l\nkey: *b\n",
      "\"quoted key\": 1\n'single': {1: one, 0x10: sixteen, true: yes}\nempty:\nnull: ~\n",
      "- a\n- b: [c, {d: e}]\n- - f\n  - g\n",
      "a: &k name\nb:\n  *k : {c: 1}\n  &v other: *k\n  third: *v\n",
      "plain scalar\n");

  @Test
  void location_spotsAgreeWithTheNodeTree_forEveryPath() {
    int checked = 0;
    for (String text : DOCUMENTS) {
      YamlFile file = YamlReader.read("f.yaml", text, problems).orElseThrow();
      List<List<String>> paths = new ArrayList<>();
      paths(file.value(), new ArrayList<>(), paths);
      for (List<String> path : paths) {
        assertThat(file.location(path)).as(text + " key at " + path).isEqualTo(file.locationInTree(path));
        assertThat(file.valueLocation(path)).as(text + " value at " + path).isEqualTo(file.valueLocationInTree(path));
        checked++;
      }
    }
    assertThat(problems.all()).isEmpty();
    assertThat(checked).isGreaterThan(100);
  }

  /** Every path in {@code value}, each with a missing key, an index past the end and a non-index after it. */
  private static void paths(Object value, List<String> at, List<List<String>> out) {
    out.add(List.copyOf(at));
    for (String odd : List.of("missing", "99", "", "-1")) {
      List<String> next = new ArrayList<>(at);
      next.add(odd);
      out.add(next);
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> paths(v, append(at, (String) k), out));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        paths(list.get(i), append(at, String.valueOf(i)), out);
      }
    }
  }

  private static List<String> append(List<String> at, String key) {
    List<String> next = new ArrayList<>(at);
    next.add(key);
    return next;
  }

  @Test
  void location_ofADefinitionAndAnImportEntry_fromTheSpots() {
    YamlFile file = YamlReader.read("f.yaml", DOCUMENTS.get(0), problems).orElseThrow();

    assertThat(file.location(List.of("components", "terraform", "vpc")).render()).isEqualTo("f.yaml:8:5");
    assertThat(file.valueLocation(List.of("import", "1")).render()).isEqualTo("f.yaml:3:5");
    assertThat(file.location(List.of("components", "terraform", "vpc", "vars", "tags", "b", "1")).render())
        .isEqualTo("f.yaml:12:29");
  }

  @Test
  void mergeKeys_ownKeysFirst_thenEachMergedMapsNewKeysInOrder() {
    Object value = YamlReader.read("f.yaml", "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2, w: 2}\n"
        + "c:\n  w: 0\n  <<: [*a, *b]\n", problems).orElseThrow().value();

    Map<?, ?> c = (Map<?, ?>) ((Map<?, ?>) value).get("c");
    assertThat(new ArrayList<Object>(c.keySet())).containsExactly("w", "x", "y", "z");
    assertThat(c).isEqualTo(Map.of("w", 0L, "x", 1L, "y", 1L, "z", 2L));
  }

  /** Reads {@code text}, which must be refused with one problem, and returns that problem. */
  private Problem onlyProblem(String text) {
    assertThat(YamlReader.read("f.yaml", text, problems)).isEmpty();
    assertThat(problems.all()).hasSize(1);
    return problems.all().get(0);
  }

  private static String at(Problem problem) {
    return problem.location().orElseThrow().render();
  }

  @Test
  void mergeKey_ofAScalar_isAProblemAtItsValue() {
    Problem p = onlyProblem("a:\n  <<: text\n  b: 1\n");

    assertThat(p.rule()).isEqualTo("yaml-merge-key");
    assertThat(at(p)).isEqualTo("f.yaml:2:7");
  }

  @Test
  void alias_isTheAnchoredValueItself() {
    Map<?, ?> value = (Map<?, ?>) YamlReader.read("f.yaml", "a: &x {b: [1, 2]}\nc: *x\n", problems).orElseThrow().value();

    assertThat(value.get("c")).isSameAs(value.get("a")).isEqualTo(Map.of("b", List.of(1L, 2L)));
  }

  @Test
  void alias_asAKey_orOfAnAnchoredKey_isThatScalar() {
    Object value = YamlReader.read("f.yaml", DOCUMENTS.get(5), problems).orElseThrow().value();

    assertThat(value).isEqualTo(Map.of("a", "name", "b", Map.of("name", Map.of("c", 1L), "other", "name", "third", "other")));
  }

  @Test
  void alias_undefined_isASyntaxProblemAtTheAlias() {
    Problem p = onlyProblem("a: 1\nb: *nowhere\n");

    assertThat(p.rule()).isEqualTo("yaml-syntax");
    assertThat(p.message()).contains("undefined alias nowhere");
    assertThat(at(p)).isEqualTo("f.yaml:2:4");
    assertThat(p.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("`&nowhere`"));
  }

  @Test
  void alias_toItsOwnCollection_isRefused() {
    Problem p = onlyProblem("a: &x\n  b: *x\n");

    assertThat(p.rule()).isEqualTo("yaml-too-deep");
    assertThat(p.message()).contains("recursive alias");
    assertThat(at(p)).isEqualTo("f.yaml:2:6");
  }

  @Test
  void aliases_countAsTheNodesTheyStandFor() {
    // nine levels of ten aliases each: 10^9 nodes, read in a few hundred events
    StringBuilder bomb = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 9; i++) {
      bomb.append("l").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      bomb.append("]\n");
    }
    assertThat(YamlReader.read("f.yaml", bomb.toString(), problems)).isEmpty();

    assertThat(problems.all()).extracting(Problem::rule).containsExactly("yaml-too-large");
  }

  @Test
  void aliases_toCollections_boundedInNumber() {
    StringBuilder many = new StringBuilder("a: &a [1]\nb: [");
    for (int i = 0; i <= YamlReader.MAX_ALIASES; i++) {
      many.append(i == 0 ? "" : ", ").append("*a");
    }
    many.append("]\n");
    Problem p = onlyProblem(many.toString());

    assertThat(p.message()).contains("max=100");
  }

  @Test
  void alias_deepValueUsedDeep_countsItsDepth() {
    int half = YamlReader.MAX_DEPTH / 2 + 10;
    String deep = "a: &a " + "[".repeat(half) + "]".repeat(half) + "\nb: " + "[".repeat(half) + "*a"
        + "]".repeat(half) + "\n";
    assertThat(YamlReader.read("f.yaml", deep, problems)).isEmpty();

    assertThat(problems.all()).extracting(Problem::rule).containsExactly("yaml-too-deep");
  }

  @Test
  void nesting_tenThousandDeep_stopsAtTheBoundWithALocation() {
    String deep = "vars: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    Problem p = onlyProblem(deep);

    assertThat(p.rule()).isEqualTo("yaml-too-deep");
    assertThat(at(p)).isEqualTo("f.yaml:1:" + (7 + YamlReader.MAX_DEPTH));
  }

  @Test
  void mapKey_thatIsAList_isAProblemAtTheKey() {
    Problem p = onlyProblem("a: 1\n? [x, y]\n: 2\n");

    assertThat(p.rule()).isEqualTo("yaml-key");
    assertThat(p.message()).contains("found a list");
    assertThat(at(p)).isEqualTo("f.yaml:2:3");
  }

  @Test
  void mapKey_thatIsAnAliasToAMap_isAProblemAtTheAlias() {
    Problem p = onlyProblem("a: &m {x: 1}\n? *m\n: 2\nb: 3\n");

    assertThat(p.rule()).isEqualTo("yaml-key");
    assertThat(p.message()).contains("found a map");
    assertThat(at(p)).isEqualTo("f.yaml:2:3");
  }

  @Test
  void secondDocument_isAProblemWhereItStarts() {
    Problem p = onlyProblem("a: 1\n---\nb: 2\n");

    assertThat(p.message()).contains("found a second one");
    assertThat(at(p)).isEqualTo("f.yaml:3:1");
  }
}
