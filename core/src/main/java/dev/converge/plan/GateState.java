package dev.converge.plan;

import java.util.Locale;

/**
 * The state of an environment's gate, one word. Closed states are listed in precedence order:
 * when several conditions are unmet, the gate shows the first of them.
 */
public enum GateState {
  /** An upstream deployment or check failed at this revision, or the revision is marked bad. */
  BLOCKED,
  /** A hold is in force ("stop the line"). */
  HELD,
  /** Inside a freeze period. */
  FROZEN,
  /** Upstream environments have not finished the revision, or their checks have not passed. */
  WAITING_UPSTREAM,
  /** Upstream finished less than the soak time ago. */
  SOAKING,
  /** Fewer distinct approvals than required. */
  AWAITING_APPROVAL,
  /** Outside every deployment window. */
  OUTSIDE_WINDOW,
  /** Every condition holds: the first unfinished wave may run. */
  OPEN,
  /** Nothing to do in this environment. */
  DONE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether only the passing of time opens a gate in this state (when it is the only unmet kind). */
  public boolean isTimed() {
    return this == SOAKING || this == FROZEN || this == OUTSIDE_WINDOW;
  }
}
