package dev.converge.yaml.internal.atmos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StackIndexTest {

  private static final Comparator<ResolvedSection> ORDER = Comparator.comparing(ResolvedSection::stack)
      .thenComparing(ResolvedSection::name).thenComparing(ResolvedSection::type);

  @Test
  void named_inAStack_everyTypeOfThatNameInThatStackOnly() {
    List<ResolvedSection> ordered = List.of(
        section("dev", "app", "helmfile"), section("dev", "app", "terraform"), section("dev", "vpc", "terraform"),
        section("prod", "app", "terraform"));
    StackIndex index = StackIndex.of(ordered);

    assertThat(index.named("dev", "app")).containsExactly(ordered.get(0), ordered.get(1));
    assertThat(index.named("dev", "vpc")).containsExactly(ordered.get(2));
    assertThat(index.named("prod", "app")).containsExactly(ordered.get(3));
    assertThat(index.named("prod", "vpc")).isEmpty();
    assertThat(index.named("dev", "aaa")).isEmpty(); // before every name
    assertThat(index.named("dev", "zzz")).isEmpty(); // after every name
    assertThat(index.named("staging", "app")).isEmpty();
    assertThat(index.named("app")).containsExactly(ordered.get(0), ordered.get(1), ordered.get(3));
    assertThat(index.names("dev")).containsExactly("app", "vpc");
    assertThat(index.names("staging")).isEmpty();
    assertThat(index.stacks()).containsOnlyKeys("dev", "prod");
  }

  @Test
  void empty_answersNothing() {
    StackIndex index = StackIndex.of(List.of());

    assertThat(index.stacks()).isEmpty();
    assertThat(index.named("dev", "app")).isEmpty();
    assertThat(index.named("app")).isEmpty();
  }

  /** Seeded: every answer equals a filter of the whole list. */
  @Test
  void property_answersEqualFilteringTheWholeList() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      List<ResolvedSection> all = new ArrayList<>();
      int stacks = 1 + random.nextInt(6);
      int count = random.nextInt(40);
      for (int i = 0; i < count; i++) {
        all.add(section("s" + random.nextInt(stacks), "c" + random.nextInt(20),
            random.nextBoolean() ? "terraform" : "helmfile"));
      }
      all.sort(ORDER);
      List<ResolvedSection> ordered = dropRepeats(all);
      StackIndex index = StackIndex.of(ordered);

      Map<String, List<ResolvedSection>> byStack = new LinkedHashMap<>();
      ordered.forEach(x -> byStack.computeIfAbsent(x.stack(), k -> new ArrayList<>()).add(x));
      assertThat(index.stacks()).as("seed %d", seed).isEqualTo(byStack);
      for (int s = 0; s <= stacks; s++) {
        String stack = "s" + s;
        TreeSet<String> names = new TreeSet<>();
        ordered.stream().filter(x -> x.stack().equals(stack)).forEach(x -> names.add(x.name()));
        assertThat(index.names(stack)).as("seed %d", seed).containsExactlyElementsOf(names);
        for (int n = 0; n < 21; n++) {
          String name = "c" + n;
          assertThat(index.named(stack, name)).as("seed %d, %s in %s", seed, name, stack)
              .containsExactlyElementsOf(ordered.stream()
                  .filter(x -> x.stack().equals(stack) && x.name().equals(name)).toList());
          assertThat(index.named(name)).as("seed %d, %s", seed, name)
              .containsExactlyElementsOf(ordered.stream().filter(x -> x.name().equals(name)).toList());
        }
      }
    }
  }

  /** One section per (stack, name, type), as the loader gives them. */
  private static List<ResolvedSection> dropRepeats(List<ResolvedSection> sorted) {
    List<ResolvedSection> result = new ArrayList<>();
    for (ResolvedSection x : sorted) {
      if (result.isEmpty() || ORDER.compare(result.get(result.size() - 1), x) != 0) {
        result.add(x);
      }
    }
    return result;
  }

  private static ResolvedSection section(String stack, String name, String type) {
    return new ResolvedSection(type, name, stack + ".yaml", "stacks/" + stack + ".yaml", stack, null, stack, null, name,
        name, Optional.empty(), Optional.empty(), Optional.empty(), false, true, false, List.of(), Map.of(), null,
        Map.of(), Map.of(), false, new ResolvedSection.DigestCell());
  }
}
