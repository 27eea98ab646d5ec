package dev.converge.yaml.internal.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

  @Nested
  class MergerProperties {

    private static final List<String> KEYS = List.of("a", "b", "c", "d");

    /** 400 seeds: several maps sharing keys (so their maps meet at every depth), some of them earlier results. */
    @Test
    void merger_sameAsPairwiseMerges_inputsUntouched() {
      for (long seed = 1; seed <= 400; seed++) {
        Random random = new Random(seed);
        ListMergeStrategy strategy = ListMergeStrategy.values()[random.nextInt(3)];
        List<Map<String, Object>> inputs = new ArrayList<>();
        int count = 2 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
          // an earlier merger's result holds maps that merger copied: this merger must copy them again
          inputs.add(random.nextInt(3) == 0
              ? new DeepMerge.Merger(strategy).add(randomMap(random, 3)).add(randomMap(random, 3)).result()
              : randomMap(random, 3));
        }
        String before = inputs.toString();

        DeepMerge.Merger merger = new DeepMerge.Merger(strategy);
        Map<String, Object> pairwise = Map.of();
        for (Map<String, Object> input : inputs) {
          merger.add(input);
          pairwise = DeepMerge.mergeMaps(pairwise, input, strategy);
          // read between adds: the same as the pairwise merge so far
          assertThat(merger.result().toString()).as("seed %d", seed).isEqualTo(pairwise.toString());
        }

        assertThat(merger.result()).as("seed %d", seed).isEqualTo(pairwise);
        assertThat(inputs.toString()).as("seed %d: inputs unchanged", seed).isEqualTo(before);
      }
    }

    /** 400 seeds: mergeAll of three and four maps, some null or empty, as pairwise merges. */
    @Test
    void mergeAll_sameAsPairwiseMerges() {
      for (long seed = 1; seed <= 400; seed++) {
        Random random = new Random(seed);
        ListMergeStrategy strategy = ListMergeStrategy.values()[random.nextInt(3)];
        List<Map<String, Object>> maps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          int kind = random.nextInt(4);
          maps.add(kind == 0 ? null : kind == 1 ? Map.of() : randomMap(random, 3));
        }
        Map<String, Object> pairwise3 = Map.of();
        Map<String, Object> pairwise4 = Map.of();
        for (int i = 0; i < 4; i++) {
          if (i < 3) {
            pairwise3 = DeepMerge.mergeMaps(pairwise3, maps.get(i), strategy);
          }
          pairwise4 = DeepMerge.mergeMaps(pairwise4, maps.get(i), strategy);
        }

        assertThat(DeepMerge.mergeAll(strategy, maps.get(0), maps.get(1), maps.get(2)).toString()).as("seed %d", seed)
            .isEqualTo(pairwise3.toString());
        assertThat(DeepMerge.mergeAll(strategy, maps.get(0), maps.get(1), maps.get(2), maps.get(3)).toString())
            .as("seed %d", seed).isEqualTo(pairwise4.toString());
      }
    }

    @Test
    void merger_copiesAMapOnce_andNeverAnInputs() {
      Map<String, Object> first = map("components", map("vpc", map("a", 1)));
      Map<String, Object> second = map("components", map("eks", map("b", 2)));
      Map<String, Object> third = map("components", map("rds", map("c", 3)));

      Map<String, Object> result = new DeepMerge.Merger(ListMergeStrategy.REPLACE).add(first).add(second).add(third)
          .result();
      Object afterSecond = result.get("components");

      assertThat(result).isEqualTo(map("components", map("vpc", map("a", 1), "eks", map("b", 2), "rds", map("c", 3))));
      assertThat(afterSecond).isNotSameAs(first.get("components")).isNotSameAs(second.get("components"));
      assertThat(((Map<?, ?>) result.get("components")).get("vpc")).isSameAs(((Map<?, ?>) first.get("components")).get("vpc"));
      assertThat(first).isEqualTo(map("components", map("vpc", map("a", 1))));
    }

    private Map<String, Object> randomMap(Random random, int depth) {
      Map<String, Object> m = new LinkedHashMap<>();
      int size = random.nextInt(4);
      for (int i = 0; i < size; i++) {
        m.put(KEYS.get(random.nextInt(KEYS.size())), randomValue(random, depth - 1));
      }
      return m;
    }

    private Object randomValue(Random random, int depth) {
      int kind = depth <= 0 ? random.nextInt(3) : random.nextInt(6);
      switch (kind) {
        case 0:
          return null;
        case 1:
          return random.nextInt(5);
        case 2:
          return "s" + random.nextInt(5);
        case 3:
          List<Object> list = new ArrayList<>();
          for (int i = random.nextInt(3); i > 0; i--) {
            list.add(random.nextBoolean() ? randomMap(random, depth - 1) : random.nextInt(5));
          }
          return list;
        default:
          return randomMap(random, depth);
      }
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
