package dev.converge.runner;

import org.immutables.value.Value;

/** What a Terraform plan would do, counted from {@code show -json}: resources added, changed, destroyed, replaced. */
@Value.Immutable
public interface PlanSummary extends WithPlanSummary {

  @Value.Parameter
  int add();

  @Value.Parameter
  int change();

  @Value.Parameter
  int destroy();

  @Value.Parameter
  int replace();

  /** Every resource that would change, a replacement counting once. */
  default int total() {
    return add() + change() + destroy() + replace();
  }

  default boolean hasChanges() {
    return total() > 0;
  }

  static PlanSummary of(int add, int change, int destroy, int replace) {
    return ImmutablePlanSummary.of(add, change, destroy, replace);
  }

  static PlanSummary none() {
    return of(0, 0, 0, 0);
  }

  /** {@code 1 to add, 2 to change, 0 to destroy, 1 to replace}. */
  default String render() {
    return add() + " to add, " + change() + " to change, " + destroy() + " to destroy, " + replace() + " to replace";
  }
}
