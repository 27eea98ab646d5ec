package dev.converge.plan;

import java.util.Locale;

/** Why an action is what it is, one kind per cause; {@link #word()} is its id in JSON and tests. */
public enum CauseKind {
  /** No successful deployment of the instance yet: create. */
  NEVER_DEPLOYED,
  /** Deployed from another folder. Subject: the folder it was deployed from and the one it deploys now. */
  FOLDER_CHANGED,
  /** The component folder's source digest differs from the deployed one. */
  SOURCE_CHANGED,
  /** The resolved configuration's digest differs from the deployed one. */
  CONFIGURATION_CHANGED,
  /** Deployed, absent from the desired state: destroy, with an approval. Subject: the revision. */
  ABSENT,
  /** {@code metadata.enabled: false}: skipped. */
  DISABLED,
  /** {@code metadata.locked: true}: skipped, never changed. */
  LOCKED,
  /** {@code metadata.type: abstract}: only inherited from, skipped. */
  ABSTRACT,
  /** The deployed revision is newer than the planned one: skipped. Subject: both revisions. */
  NEWER_DEPLOYED,
  /** The instance waits on a {@code settings.depends_on} cycle. */
  DEPENDENCY_CYCLE,
  /** A hold on the component keeps the action back. Subject: since when, the reason. */
  HELD;

  /** The snake_case id of JSON output. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
