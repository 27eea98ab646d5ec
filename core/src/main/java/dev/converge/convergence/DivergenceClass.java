package dev.converge.convergence;

import java.util.Locale;

/**
 * The one class of a component (spec section 4). When several apply, the component shows the
 * first in this order, the one that most needs a person; the others stay in its reasons.
 */
public enum DivergenceClass {
  /** A rollout of it cannot proceed: a deployment failed, an upstream failed, or the revision is marked bad. */
  BLOCKED,
  /**
   * Behind trunk for longer than the rollout window, deployed from a revision not on trunk, or a
   * Terraform plan of an up-to-date instance showed changes.
   */
  DRIFT,
  /** An environment runs an emergency override folder ({@code vpc-hotfix}). */
  EMERGENCY,
  /** An environment runs an experiment folder ({@code vpc-experiment}). */
  EXPERIMENT,
  /** Environments run different folders and nothing declares why. */
  UNDECLARED,
  /** A declared divergence past its {@code converge_by} date. */
  PLANNED_OVERDUE,
  /** Environments run different folders, declared (reason, owner, date) or by release tracks. */
  PLANNED,
  /** Behind trunk while the rollout is in progress, inside the rollout window. */
  OPERATIONAL,
  /** Every environment runs the newest digest of the folder it references. */
  CONVERGED;

  /** The snake_case word of {@code converge status} JSON. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
