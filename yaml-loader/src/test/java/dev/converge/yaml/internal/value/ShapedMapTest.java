package dev.converge.yaml.internal.value;

import dev.converge.internal.value.FrozenMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapedMapTest {

  private static final ShapedMap.Shape SHAPE = new ShapedMap.Shape(List.of("c", "a", "b"));

  @Test
  void put_someKeys_iteratesInShapeOrderAndEqualsAnOrdinaryMap() {
    ShapedMap map = SHAPE.newMap();
    map.put("b", 2);
    map.put("c", 3);

    assertThat(map).containsExactly(Map.entry("c", 3), Map.entry("b", 2)).hasSize(2);
    assertThat(map.get("a")).isNull();
    assertThat(map.containsKey("a")).isFalse();
    assertThat(map.get("zzz")).isNull();
    Map<String, Object> same = new LinkedHashMap<>(Map.of("b", 2, "c", 3));
    assertThat(map).isEqualTo(same);
    assertThat(same).isEqualTo(map);
    assertThat(map.hashCode()).isEqualTo(same.hashCode());
  }

  @Test
  void put_nullOrReplace_keepsTheSizeRight() {
    ShapedMap map = SHAPE.newMap();
    map.put("a", 1);
    map.put("a", 2);
    map.put("b", 3);
    map.put("b", null);

    assertThat(map).containsExactly(Map.entry("a", 2));
  }

  @Test
  void put_keyOutsideTheShapeOrFrozen_refused() {
    ShapedMap map = SHAPE.newMap();
    assertThatThrownBy(() -> map.put("d", 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("`d`");

    map.put("a", 0);
    FrozenMap frozen = map.freeze();
    assertThatThrownBy(() -> map.put("a", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.put("a", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(FrozenMap.copyOf(frozen)).isSameAs(frozen);
  }

  @Test
  void manyKeys_foundByEqualStrings_andIteratedInShapeOrder() {
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add("key_" + (i * 7919 % 40)); // an order unlike the keys' sorted or hashed orders
    }
    ShapedMap map = new ShapedMap.Shape(keys).newMap();
    for (int i = keys.size() - 1; i >= 0; i -= 2) {
      map.put(new String(keys.get(i)), i); // equal to the shape's key, not the same object
    }
    Map<String, Object> expected = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if ((keys.size() - 1 - i) % 2 == 0) {
        expected.put(keys.get(i), i);
      }
    }
    List<String> seen = new java.util.ArrayList<>();
    map.forEach((k, v) -> seen.add(k + "=" + v));

    assertThat(map).containsExactlyEntriesOf(expected);
    assertThat(seen).containsExactlyElementsOf(expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    for (int i = 0; i < keys.size(); i++) {
      assertThat(map.get(new String(keys.get(i)))).as(keys.get(i)).isEqualTo(expected.get(keys.get(i)));
    }
    assertThat(map.get("key_40")).isNull();
    assertThat(map.get(7)).isNull();
    assertThatThrownBy(() -> map.put("key_40", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shape_sameKeyTwice_refused() {
    assertThatThrownBy(() -> new ShapedMap.Shape(List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class);
  }
}
