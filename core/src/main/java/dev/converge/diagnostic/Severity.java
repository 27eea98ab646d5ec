package dev.converge.diagnostic;

import java.util.Locale;

/** How serious a {@link Problem} is. Errors stop a rollout; warnings and notes travel with the result. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case word used in JSON and text output. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
