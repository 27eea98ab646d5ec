package dev.converge.plan;

import java.util.Locale;

/**
 * What keeps a gate closed, one kind per unmet condition. Each kind belongs to the
 * {@link GateState} it closes the gate with; {@link #word()} is its id in JSON and tests.
 */
public enum ConditionKind {
  /** The revision is marked bad: roll forward. Subject: the mark's reason. */
  REVISION_BAD(GateState.BLOCKED),
  /** An upstream deployment or check failed at the revision. Subject: the upstream environment. */
  UPSTREAM_FAILED(GateState.BLOCKED),
  /** An upstream environment is blocked by a failure further upstream. */
  UPSTREAM_BLOCKED(GateState.BLOCKED),
  /** A hold on the environment ("stop the line"). Subject: since when, the reason. */
  HELD(GateState.HELD),
  /** Holds on components keep every pending action back. Subject: the component. */
  COMPONENT_HELD(GateState.HELD),
  /** Inside a freeze period. Clears at its end. */
  FROZEN(GateState.FROZEN),
  /** An upstream environment has actions left at the revision. Subject: the environment, how many. */
  UPSTREAM_UNFINISHED(GateState.WAITING_UPSTREAM),
  /** An upstream environment with nothing to deploy waits on its own upstream. */
  UPSTREAM_WAITING(GateState.WAITING_UPSTREAM),
  /** An upstream check has not passed at the revision. Subject: the environment and the check. */
  CHECK_MISSING(GateState.WAITING_UPSTREAM),
  /** Upstream finished less than the soak time ago. Clears at the soak's end. */
  SOAKING(GateState.SOAKING),
  /** Fewer distinct approvals than required. Subject: required and given. */
  APPROVAL_MISSING(GateState.AWAITING_APPROVAL),
  /** Outside every deployment window. Subject: the windows. */
  WINDOW_CLOSED(GateState.OUTSIDE_WINDOW);

  private final GateState state;

  ConditionKind(GateState state) {
    this.state = state;
  }

  /** The gate state this condition closes the gate with. */
  public GateState state() {
    return state;
  }

  /** The snake_case id of JSON output. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
