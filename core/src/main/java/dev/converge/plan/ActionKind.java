package dev.converge.plan;

import java.util.Locale;

/** What an action does to an instance. */
public enum ActionKind {
  /** Never deployed. */
  CREATE,
  /** The source or configuration digest differs from the newest successful deployment. */
  UPDATE,
  /** Both digests equal: nothing to do. */
  NOOP,
  /** Deployed, absent from the desired state; never automatic, needs an approval. */
  DESTROY,
  /** Disabled, abstract or locked: reported, never changed. */
  SKIP;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the action changes something (create, update, destroy). */
  public boolean isChange() {
    return this == CREATE || this == UPDATE || this == DESTROY;
  }
}
