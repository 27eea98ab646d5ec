package dev.converge.pipeline;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as {@code rollout.yaml} writes them: {@code 30s}, {@code 45m}, {@code 2h}, {@code 7d}, or ISO-8601. */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

  private Durations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Duration parse(String text) {
    String trimmed = text.trim();
    Matcher m = SHORT.matcher(trimmed);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "s":
          return Duration.ofSeconds(amount);
        case "m":
          return Duration.ofMinutes(amount);
        case "h":
          return Duration.ofHours(amount);
        default:
          return Duration.ofDays(amount);
      }
    }
    try {
      Duration parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      if (parsed.isNegative()) {
        throw new IllegalArgumentException("duration (" + text + ") must not be negative");
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "duration (" + text + ") is not one of 30s, 45m, 2h, 7d or ISO-8601 such as PT2H", e);
    }
  }

  /** The shortest of the short forms that states {@code duration} exactly, else ISO-8601. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    if (duration.getNano() != 0) {
      return duration.toString();
    }
    if (seconds % 86_400 == 0 && seconds > 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0 && seconds > 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds % 60 == 0 && seconds > 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
