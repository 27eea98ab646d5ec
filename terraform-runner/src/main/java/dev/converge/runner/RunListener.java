package dev.converge.runner;

import dev.converge.plan.Action;

/**
 * Progress of a run, for a live progress line. Called from worker threads, possibly at once for
 * different actions; implementations must be thread-safe and quick. Every method does nothing by default.
 */
public interface RunListener {

  RunListener NONE = new RunListener() {};

  /** Work on the action began. */
  default void started(Action action) {}

  /** {@code terraform plan} finished; the summary counts what apply would do. */
  default void planned(Action action, PlanSummary summary) {}

  /** Apply finished successfully (or there was nothing to apply). */
  default void applied(Action action, PlanSummary summary) {}

  /** A step failed, timed out or was cancelled; {@code reason} is masked and says which. */
  default void failed(Action action, Step step, String reason) {}

  /** The re-plan no longer lists the action in {@code next}; it was not applied. */
  default void refused(Action action, String reason) {}

  /** A drift check of an up-to-date instance found changes. */
  default void drifted(Action action, PlanSummary summary) {}
}
