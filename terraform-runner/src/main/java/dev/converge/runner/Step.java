package dev.converge.runner;

import java.util.Locale;

/** The steps of running one instance, in order. */
public enum Step {
  /** Writing the var file and {@code backend.tf.json} into the component folder. */
  PREPARE,
  INIT,
  WORKSPACE,
  PLAN,
  SHOW,
  /** Asking the planner again whether the action may still run. */
  REPLAN,
  APPLY;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
