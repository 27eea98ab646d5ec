package dev.converge.yaml.internal.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeepMergeTest {

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Nested
  class Maps {

    @Test
    void merge_nestedMaps_mergeRecursivelyLaterWins() {
      Object result = DeepMerge.merge(map("tags", map("a", 1, "b", 2)), map("tags", map("b", 3, "c", 4)),
          ListMergeStrategy.REPLACE);

      assertThat(result).isEqualTo(map("tags", map("a", 1, "b", 3, "c", 4)));
    }

    @Test
    void merge_laterNull_overrides() {
      Map<String, Object> later = new HashMap<>();
      later.put("x", null);

      assertThat(DeepMerge.merge(map("x", List.of(1)), later, ListMergeStrategy.REPLACE)).isEqualTo(later);
    }

    @Test
    void merge_listThenEmptyMap_theMapWins() {
      assertThat(DeepMerge.merge(map("x", List.of(1, 2)), map("x", Map.of()), ListMergeStrategy.REPLACE))
          .isEqualTo(map("x", Map.of()));
    }

    @Test
    void merge_listThenScalar_theScalarWins() {
      assertThat(DeepMerge.merge(map("x", List.of(1)), map("x", "10.0.0.0/16"), ListMergeStrategy.APPEND))
          .isEqualTo(map("x", "10.0.0.0/16"));
    }

    @Test
    void merge_emptyLaterMap_isANoOp() {
      Map<String, Object> earlier = map("a", 1);

      assertThat(DeepMerge.merge(earlier, Map.of(), ListMergeStrategy.REPLACE)).isSameAs(earlier);
    }

    @Test
    void merge_neverModifiesItsInputs() {
      Map<String, Object> earlier = map("tags", map("a", 1), "list", new ArrayList<>(List.of(1)));
      Map<String, Object> later = map("tags", map("b", 2), "list", new ArrayList<>(List.of(2)));
      String before = earlier.toString() + later;

      DeepMerge.merge(earlier, later, ListMergeStrategy.APPEND);

      assertThat(earlier.toString() + later).isEqualTo(before);
    }
  }

  @Nested
  class Lists {

    @Test
    void replace_laterListWins() {
      assertThat(DeepMerge.merge(List.of(1, 2), List.of(3), ListMergeStrategy.REPLACE)).isEqualTo(List.of(3));
    }

    @Test
    void replace_emptyLaterList_replaces() {
      assertThat(DeepMerge.merge(List.of(1, 2), List.of(), ListMergeStrategy.REPLACE)).isEqualTo(List.of());
    }

    @Test
    void append_concatenatesEarlierFirst() {
      assertThat(DeepMerge.merge(List.of(1, 2), List.of(3), ListMergeStrategy.APPEND)).isEqualTo(List.of(1, 2, 3));
    }

    @Test
    void merge_scalarsKeepTheEarlierValue_mapsMergeByIndex_extrasKept() {
      Object result = DeepMerge.merge(
          Arrays.asList("a", map("x", 1, "y", 1)),
          Arrays.asList("b", map("y", 2), "c"),
          ListMergeStrategy.MERGE);

      assertThat(result).isEqualTo(List.of("a", map("x", 1, "y", 2), "c"));
    }
  }

  @Test
  void parse_strategyWords() {
    assertThat(ListMergeStrategy.parse("append")).contains(ListMergeStrategy.APPEND);
    assertThat(ListMergeStrategy.parse("Merge")).contains(ListMergeStrategy.MERGE);
    assertThat(ListMergeStrategy.parse("zip")).isEmpty();
    assertThat(ListMergeStrategy.parse(3)).isEmpty();
  }
}
