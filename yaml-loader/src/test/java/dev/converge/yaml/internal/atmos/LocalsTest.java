package dev.converge.yaml.internal.atmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order and cycles of a scope's locals, independent of how a local is rendered. */
class LocalsTest {

  @Test
  void referencesIn_findsOnlyLocalsOfTheScope() {
    Object value = Map.of("a", List.of("{{ .locals.x }}-{{ .locals.outer }}", "{{.locals.y}}"), "b", 3);

    assertThat(Locals.referencesIn(value, Set.of("x", "y", "z"))).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void order_outOfDefinitionOrder_dependenciesFirst() {
    Map<String, Set<String>> refs = new LinkedHashMap<>();
    refs.put("c", Set.of("a", "b"));
    refs.put("a", Set.of());
    refs.put("b", Set.of("a"));

    assertThat(Locals.order(refs)).containsExactly("a", "b", "c");
  }

  @Test
  void order_cycle_reportsTheWholeChain() {
    Map<String, Set<String>> refs = new LinkedHashMap<>();
    refs.put("a", Set.of("c"));
    refs.put("b", Set.of("a"));
    refs.put("c", Set.of("b"));

    Locals.Cycle cycle = catchThrowableOfType(Locals.Cycle.class, () -> Locals.order(refs));

    assertThat(cycle.chain).containsExactly("a", "c", "b", "a");
    assertThat(cycle.getMessage()).isEqualTo("circular dependency in locals: a -> c -> b -> a");
  }

  @Test
  void order_selfReference_isACycle() {
    Map<String, Set<String>> refs = new LinkedHashMap<>();
    refs.put("a", Set.of("a"));

    assertThat(catchThrowableOfType(Locals.Cycle.class, () -> Locals.order(refs)).chain).containsExactly("a", "a");
  }

  @Test
  void order_longChain_doesNotOverflowTheStack() {
    Map<String, Set<String>> refs = new LinkedHashMap<>();
    for (int i = 0; i < 100_000; i++) {
      refs.put("l" + i, i == 0 ? Set.of() : Set.of("l" + (i - 1)));
    }

    List<String> order = Locals.order(refs);

    assertThat(order).hasSize(100_000).startsWith("l0", "l1").endsWith("l99999");
  }

  /** Seeded: random acyclic scopes come out with every local after its references; adding a back edge is a cycle. */
  @Test
  void order_randomScopes_respectEveryReference() {
    for (long seed = 1; seed <= 300; seed++) {
      Random random = new Random(seed);
      int n = 1 + random.nextInt(30);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        names.add("v" + i);
      }
      java.util.Collections.shuffle(names, random); // definition order differs from dependency order
      Map<String, Set<String>> refs = new LinkedHashMap<>();
      for (String name : names) {
        int index = Integer.parseInt(name.substring(1));
        Set<String> targets = new LinkedHashSet<>();
        for (int j = 0; j < index; j++) {
          if (random.nextInt(4) == 0) {
            targets.add("v" + j); // only lower indexes: acyclic
          }
        }
        refs.put(name, targets);
      }

      List<String> order = Locals.order(refs);

      assertThat(order).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(names);
      for (Map.Entry<String, Set<String>> e : refs.entrySet()) {
        for (String target : e.getValue()) {
          assertThat(order.indexOf(target)).as("seed %d: %s before %s", seed, target, e.getKey())
              .isLessThan(order.indexOf(e.getKey()));
        }
      }
      if (n > 1) {
        Map<String, Set<String>> cyclic = new LinkedHashMap<>(refs);
        Set<String> back = new LinkedHashSet<>(cyclic.get("v0"));
        back.add("v" + (n - 1));
        cyclic.put("v0", back);
        cyclic.put("v" + (n - 1), new LinkedHashSet<>(List.of("v0")));
        Locals.Cycle cycle = catchThrowableOfType(Locals.Cycle.class, () -> Locals.order(cyclic));
        assertThat(cycle).as("seed %d", seed).isNotNull();
        assertThat(cycle.chain.get(0)).isEqualTo(cycle.chain.get(cycle.chain.size() - 1));
      }
    }
  }
}
