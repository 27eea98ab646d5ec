package dev.converge.testkit;

import dev.converge.model.Instance;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing scenario: deletes whole stacks, then components, then single instances,
 * while the scenario still fails, and returns the smallest one found. Greedy and deterministic.
 */
public final class Shrinker {

  private Shrinker() {}

  /**
   * @param failing a scenario for which {@code fails} is true
   * @param fails whether a scenario still shows the failure
   */
  public static Scenario shrink(Scenario failing, Predicate<Scenario> fails) {
    Scenario current = failing;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (String stack : distinct(current, Instance::stack)) {
        Scenario smaller = current.retainInstances(i -> !i.stack().equals(stack));
        if (fails.test(smaller)) {
          current = smaller;
          progress = true;
        }
      }
      for (String component : distinct(current, Instance::component)) {
        Scenario smaller = current.retainInstances(i -> !i.component().equals(component));
        if (fails.test(smaller)) {
          current = smaller;
          progress = true;
        }
      }
      for (Instance instance : current.desired().instances()) {
        Scenario smaller = current.retainInstances(i -> !i.id().equals(instance.id()));
        if (fails.test(smaller)) {
          current = smaller;
          progress = true;
        }
      }
    }
    return current;
  }

  private static List<String> distinct(Scenario scenario, java.util.function.Function<Instance, String> key) {
    return scenario.desired().instances().stream().map(key).distinct().sorted().toList();
  }
}
