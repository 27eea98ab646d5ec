package dev.converge.pipeline;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A recurring time in which an environment may be deployed, e.g. {@code Mon-Thu 09:00-16:00 UTC}.
 *
 * <p>Days are a day, a range ({@code Mon-Fri}, {@code Fri-Mon} wraps), a comma list of either, or
 * {@code daily}. Times are local to the zone (any zone id, default UTC), so a window keeps its
 * wall-clock hours across daylight-saving changes. An end before the start crosses midnight: the
 * window opens on each listed day and closes the next day. Local times skipped by a DST change
 * resolve forward, as {@link ZonedDateTime#of} does.
 */
@Value.Immutable
public interface DeploymentWindow extends WithDeploymentWindow {

  Pattern SPEC = Pattern.compile(
      "(?<days>[A-Za-z,\\-]+)\\s+(?<start>\\d{1,2}:\\d{2})\\s*-\\s*(?<end>\\d{1,2}:\\d{2})(?:\\s+(?<zone>\\S+))?");

  Set<DayOfWeek> days();

  LocalTime start();

  LocalTime end();

  ZoneId zone();

  /** Parses a window spec such as {@code Mon-Thu 09:00-16:00 UTC} or {@code Sat 22:00-02:00 Europe/Berlin}. */
  static DeploymentWindow parse(String spec) {
    Matcher m = SPEC.matcher(spec.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "window (" + spec + ") is not of the form 'Mon-Thu 09:00-16:00 UTC' (days, HH:MM-HH:MM, zone id)");
    }
    try {
      LocalTime start = LocalTime.parse(pad(m.group("start")));
      LocalTime end = LocalTime.parse(pad(m.group("end")));
      ZoneId zone = m.group("zone") == null ? ZoneId.of("UTC") : ZoneId.of(m.group("zone"));
      return builder().addAllDays(parseDays(m.group("days"), spec)).start(start).end(end).zone(zone).build();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("window (" + spec + "): " + e.getMessage(), e);
    }
  }

  @Value.Check
  default void check() {
    if (days().isEmpty()) {
      throw new IllegalArgumentException("window must name at least one day");
    }
    if (start().equals(end())) {
      throw new IllegalArgumentException("window start and end (" + start() + ") must differ");
    }
  }

  default boolean crossesMidnight() {
    return end().isBefore(start());
  }

  /** Whether {@code instant} lies inside an occurrence of this window ({@code [open, close)}). */
  default boolean contains(Instant instant) {
    LocalDate today = instant.atZone(zone()).toLocalDate();
    for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
      if (days().contains(day.getDayOfWeek())
          && !instant.isBefore(opening(day)) && instant.isBefore(closing(day))) {
        return true;
      }
    }
    return false;
  }

  /** The first instant at or after {@code instant} inside the window. */
  default Instant nextOpen(Instant instant) {
    if (contains(instant)) {
      return instant;
    }
    LocalDate today = instant.atZone(zone()).toLocalDate();
    for (LocalDate day = today.minusDays(1); day.isBefore(today.plusDays(9)); day = day.plusDays(1)) {
      if (days().contains(day.getDayOfWeek()) && opening(day).isAfter(instant)) {
        return opening(day);
      }
    }
    throw new IllegalStateException("a window with days " + days() + " opens within a week");
  }

  private Instant opening(LocalDate day) {
    return ZonedDateTime.of(day, start(), zone()).toInstant();
  }

  private Instant closing(LocalDate day) {
    return ZonedDateTime.of(crossesMidnight() ? day.plusDays(1) : day, end(), zone()).toInstant();
  }

  /** The spec in its canonical form, e.g. {@code Mon-Thu 09:00-16:00 UTC}. */
  default String render() {
    return renderDays(days()) + " " + start() + "-" + end() + " " + zone().getId();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableDeploymentWindow.Builder {
    Builder() {}
  }

  private static String pad(String time) {
    return time.length() == 4 ? "0" + time : time;
  }

  private static Set<DayOfWeek> parseDays(String text, String spec) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (text.equalsIgnoreCase("daily")) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    for (String part : text.split(",")) {
      String[] range = part.split("-", -1);
      if (range.length > 2) {
        throw new IllegalArgumentException("window (" + spec + "): day range '" + part + "' is not like Mon-Thu");
      }
      DayOfWeek from = day(range[0], spec);
      DayOfWeek to = range.length == 2 ? day(range[1], spec) : from;
      for (DayOfWeek d = from; ; d = d.plus(1)) {
        days.add(d);
        if (d == to) {
          break;
        }
      }
    }
    return days;
  }

  private static DayOfWeek day(String text, String spec) {
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      if (full.equalsIgnoreCase(text) || full.substring(0, 3).equalsIgnoreCase(text)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "window (" + spec + "): '" + text + "' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun");
  }

  private static String renderDays(Set<DayOfWeek> days) {
    if (days.size() == 7) {
      return "daily";
    }
    List<DayOfWeek> sorted = days.stream().sorted().collect(Collectors.toList());
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1).getValue() == sorted.get(j).getValue() + 1) {
        j++;
      }
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(abbreviation(sorted.get(i)));
      if (j > i) {
        out.append('-').append(abbreviation(sorted.get(j)));
      }
      i = j + 1;
    }
    return out.toString();
  }

  private static String abbreviation(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }
}
