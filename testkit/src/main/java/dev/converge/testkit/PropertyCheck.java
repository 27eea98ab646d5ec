package dev.converge.testkit;

import java.util.function.Consumer;

/**
 * Runs a property's assertions on a scenario; when they fail, shrinks the scenario to the
 * smallest one that still fails and reports it with its seed, so the failure reproduces.
 */
public final class PropertyCheck {

  private PropertyCheck() {}

  /**
   * @param scenario the generated case
   * @param property the assertions, throwing {@link AssertionError} when the property does not hold
   * @throws AssertionError naming the seed and describing the smallest failing scenario
   */
  public static void holds(Scenario scenario, Consumer<Scenario> property) {
    AssertionError failure = failureOf(scenario, property);
    if (failure == null) {
      return;
    }
    Scenario smallest = Shrinker.shrink(scenario, s -> failureOf(s, property) != null);
    AssertionError shrunk = failureOf(smallest, property);
    AssertionError report = new AssertionError("property failed for seed " + scenario.seed()
        + "; smallest failing case:\n" + smallest.describe() + "failure: "
        + (shrunk == null ? failure.getMessage() : shrunk.getMessage()), failure);
    throw report;
  }

  private static AssertionError failureOf(Scenario scenario, Consumer<Scenario> property) {
    try {
      property.accept(scenario);
      return null;
    } catch (AssertionError e) {
      return e;
    }
  }
}
