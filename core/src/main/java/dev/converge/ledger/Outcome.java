package dev.converge.ledger;

import java.util.Locale;

/** How a deployment or a check ended. */
public enum Outcome {
  SUCCESS,
  FAILURE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code success} or {@code failure}. */
  public static Outcome parse(String word) {
    for (Outcome o : values()) {
      if (o.word().equals(word)) {
        return o;
      }
    }
    throw new IllegalArgumentException("outcome (" + word + ") must be success or failure");
  }
}
