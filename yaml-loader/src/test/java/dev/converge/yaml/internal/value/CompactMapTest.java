package dev.converge.yaml.internal.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactMapTest {

  /**
   * Random operations on a compact map and on a {@code LinkedHashMap}, checked to agree after each:
   * sizes cross the scanned range, several rebuilds of the index and the change from a byte index to
   * an int one (past {@value CompactMap#BYTE_INDEXED} keys, both ways), keys are removed and put back,
   * and equal keys come as distinct string objects (as two parsed files give them).
   */
  @Test
  void randomOperations_agreeWithALinkedHashMap() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      CompactMap map = seed % 3 == 0 ? new CompactMap() : new CompactMap(random.nextInt(20));
      Map<String, Object> model = new LinkedHashMap<>();
      int keys = 1 + random.nextInt(seed % 2 == 0 ? 12 : seed % 5 == 1 ? 160 : 80);
      for (int step = 0; step < (keys > 80 ? 900 : 200); step++) {
        String key = random.nextInt(40) == 0 ? null : new String("k" + random.nextInt(keys)); // a new object each time
        Object value = random.nextInt(10) == 0 ? null : random.nextInt(5);
        String at = "seed " + seed + " step " + step + " key " + key;
        switch (random.nextInt(7)) {
          case 0, 1, 2 -> assertThat(map.put(key, value)).as(at).isEqualTo(model.put(key, value));
          case 3 -> assertThat(map.remove(key)).as(at).isEqualTo(model.remove(key));
          case 4 -> {
            map.combine(key, value, (a, b) -> a + "+" + b);
            model.put(key, model.containsKey(key) ? model.get(key) + "+" + value : value);
          }
          case 5 -> {
            Iterator<String> it = map.keySet().iterator();
            Iterator<String> modelIt = model.keySet().iterator();
            while (it.hasNext()) {
              String k = it.next();
              assertThat(k).as(at).isEqualTo(modelIt.next());
              if (random.nextInt(4) == 0) {
                it.remove();
                modelIt.remove();
              }
            }
          }
          default -> {
            Map.Entry<String, Object> first = map.entrySet().stream().findFirst().orElse(null);
            if (first != null) {
              first.setValue("set");
              model.put(first.getKey(), "set");
            }
          }
        }
        assertThat(map.get(key)).as(at).isEqualTo(model.get(key));
        assertThat(map.containsKey(key)).as(at).isEqualTo(model.containsKey(key));
        assertThat(map.getOrDefault(key, "none")).as(at).isEqualTo(model.getOrDefault(key, "none"));
      }
      assertThat(new ArrayList<>(map.entrySet())).as("seed " + seed).containsExactlyElementsOf(model.entrySet());
      assertThat(new ArrayList<>(map.values())).as("seed " + seed).containsExactlyElementsOf(model.values());
      assertThat(map).as("seed " + seed).isEqualTo(model).hasSize(model.size());
      assertThat(model).as("seed " + seed).isEqualTo(map);
      assertThat(map.hashCode()).as("seed " + seed).isEqualTo(model.hashCode());
      assertThat(map.containsValue(null)).as("seed " + seed).isEqualTo(model.containsValue(null));
      for (String key : model.keySet()) {
        assertThat(map.get(key == null ? null : new String(key))).as("seed " + seed).isEqualTo(model.get(key));
      }
      assertThat(new CompactMap(map)).as("copy of a compact map, seed " + seed).isEqualTo(model)
          .containsExactlyEntriesOf(model);
      assertThat(new CompactMap(model, 3)).as("copy of another map, seed " + seed).isEqualTo(model)
          .containsExactlyEntriesOf(model);
    }
  }

  @Test
  void lookups_acrossTheByteIndexLimit_findEveryKey_growingAndShrinking() {
    CompactMap map = new CompactMap();
    for (int i = 0; i < 300; i++) {
      map.put("k" + i, i);
      assertThat(map.get(new String("k" + i))).as("after adding k%d", i).isEqualTo(i);
      assertThat(map.get("k" + (i / 2))).as("k%d after adding k%d", i / 2, i).isEqualTo(i / 2);
    }
    for (int i = 299; i >= 0; i--) {
      assertThat(map.remove(new String("k" + i))).as("removing k%d", i).isEqualTo(i);
      if (i > 0) {
        assertThat(map.get("k" + (i - 1))).as("k%d after removing k%d", i - 1, i).isEqualTo(i - 1);
        assertThat(map.containsKey("k" + i)).isFalse();
      }
    }
    assertThat(map).isEmpty();
  }

  @Test
  void copy_ofAMapWithAnIndex_isIndependent() {
    CompactMap map = new CompactMap();
    for (int i = 0; i < 20; i++) {
      map.put("k" + i, i);
    }
    CompactMap copy = new CompactMap(map, 2);
    copy.put("k3", "changed");
    copy.put("new", 1);
    copy.remove("k0");

    assertThat(map).hasSize(20).containsEntry("k3", 3).containsEntry("k0", 0).doesNotContainKey("new");
    assertThat(copy).hasSize(20).containsEntry("k3", "changed").containsEntry("new", 1).doesNotContainKey("k0");
    assertThat(copy.keySet()).startsWith("k1", "k2", "k3").endsWith("new");
  }

  @Test
  void forEach_seesEntriesInOrder_andRefusesAChangeOfItsKeys() {
    CompactMap map = new CompactMap();
    map.put("b", 1);
    map.put("a", null);
    map.put("c", 3);
    List<String> seen = new ArrayList<>();
    map.forEach((k, v) -> seen.add(k + "=" + v));

    assertThat(seen).containsExactly("b=1", "a=null", "c=3");
    assertThatThrownBy(() -> map.forEach((k, v) -> map.put(k + "x", v)))
        .isInstanceOf(ConcurrentModificationException.class);
    Iterator<String> keys = map.keySet().iterator();
    keys.next();
    map.remove("c");
    assertThatThrownBy(keys::next).isInstanceOf(ConcurrentModificationException.class);
  }

  @Test
  void constructors_negativeSizes_refused() {
    assertThatThrownBy(() -> new CompactMap(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected (-1)");
    assertThatThrownBy(() -> new CompactMap(Map.of(), -2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more (-2)");
  }
}
