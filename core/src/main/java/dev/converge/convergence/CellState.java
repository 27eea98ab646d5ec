package dev.converge.convergence;

import java.util.Locale;

/** Where one instance stands against the desired state. */
public enum CellState {
  /** Its newest successful deployment has the desired folder and digests. */
  CURRENT,
  /** Deployed, but from another folder or other digests than desired. */
  BEHIND,
  /** No successful deployment in the ledger. */
  NEVER_DEPLOYED,
  /** Its newest deployment failed and it is not current. */
  FAILED,
  /** {@code metadata.enabled: false}: never deployed by the pipeline. */
  DISABLED;

  /** The snake_case word of {@code converge status} JSON. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
