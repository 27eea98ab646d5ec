package dev.converge.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CyclesTest {

  static List<List<String>> cycles(Map<String, List<String>> graph) {
    return Cycles.of(graph.keySet().stream().sorted().toList(), n -> graph.getOrDefault(n, List.of()));
  }

  @Test
  void of_dag_noCycles() {
    assertThat(cycles(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of()))).isEmpty();
  }

  @Test
  void of_twoSeparateCycles_eachSortedAndOrderedByFirstMember() {
    assertThat(cycles(Map.of("d", List.of("c"), "c", List.of("d"), "b", List.of("a"), "a", List.of("b"), "e", List.of("a"))))
        .containsExactly(List.of("a", "b"), List.of("c", "d"));
  }

  @Test
  void of_selfLoop_cycleOfOne() {
    assertThat(cycles(Map.of("a", List.of("a")))).containsExactly(List.of("a"));
  }

  @Test
  void of_unknownSuccessors_ignored() {
    assertThat(cycles(Map.of("a", List.of("zzz")))).isEmpty();
  }

  @Test
  void of_longChain_noStackOverflow() {
    List<Integer> nodes = IntStream.range(0, 100_000).boxed().toList();

    assertThat(Cycles.of(nodes, n -> List.of((n + 1) % 100_000))).singleElement()
        .satisfies(c -> assertThat(c).hasSize(100_000));
  }
}
