package dev.converge.testkit;

import java.util.function.Consumer;
import java.util.function.IntFunction;

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

  /**
   * Like {@link #holds(Scenario, Consumer)} for a generator that takes a size ({@code size ->
   * ScenarioGenerator.withSeed(seed).maxComponents(size).scenario()}, say): when the case of
   * {@code maxSize} fails, the same seed is generated again at sizes 1, 2, ... and the first (the
   * smallest) that fails is shrunk and reported, with its size.
   *
   * @throws AssertionError naming the seed, the size and the smallest failing scenario
   */
  public static void holds(IntFunction<Scenario> sized, int maxSize, Consumer<Scenario> property) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize (" + maxSize + ") must be positive");
    }
    Scenario full = sized.apply(maxSize);
    if (failureOf(full, property) == null) {
      return;
    }
    int size = 1;
    Scenario smallest = sized.apply(size);
    while (size < maxSize && failureOf(smallest, property) == null) {
      size++;
      smallest = size == maxSize ? full : sized.apply(size);
    }
    try {
      holds(smallest, property);
    } catch (AssertionError e) {
      throw new AssertionError("size " + size + " of at most " + maxSize + ": " + e.getMessage(), e.getCause());
    }
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
