package dev.converge.forecast;

import java.util.Locale;

/** Why a wave of an environment could not start earlier: the closed gate's condition. */
public enum WaitKind {
  /** An upstream environment had not finished the revision (deployments or checks). */
  UPSTREAM,
  /** The soak after the upstream environments finished. */
  SOAK,
  /** A freeze period. */
  FREEZE,
  /** Outside every deployment window, until the next one opens. */
  WINDOW,
  /** Approvals were missing: waiting on a person; the forecast assumes them at once and does not guess when. */
  APPROVAL;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
