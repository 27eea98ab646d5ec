package dev.converge.runner;

import java.util.Locale;

/** How one action (or drift check) ended. */
public enum ActionStatus {
  /** Applied, or nothing to apply: recorded as a successful deployment. */
  APPLIED,
  /** Planned only, as asked: nothing recorded. */
  PLANNED,
  /** A drift check found no changes. */
  UP_TO_DATE,
  /** A drift check found changes: recorded as drift. */
  DRIFTED,
  /** A step failed or timed out: recorded as a failed deployment (not for drift checks or plan-only runs). */
  FAILED,
  /** The re-plan before applying no longer lists the action in {@code next}: nothing applied, nothing recorded. */
  REFUSED,
  /** Cancelled before it changed anything: nothing recorded (cancelled during apply counts as failed). */
  CANCELLED,
  /** Not a change ({@code noop}, {@code skip}) or not in the chosen environment. */
  SKIPPED;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
