package dev.converge.yaml.internal.template.library;

import dev.converge.yaml.internal.template.TemplateException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Go's {@code time.Time} for templates: an instant in a zone, printed as Go prints one
 * ({@code 2026-11-27 10:00:00 +0000 UTC}), formatted and parsed with Go's reference layouts
 * ({@code "2006-01-02 15:04:05"}, {@code time.RFC3339}, ...), with Go's {@code time.Duration}
 * syntax and printing. Sprig's date functions are built on it.
 *
 * <p>How layouts work: a layout is split into Go's standard chunks (the {@code nextStdChunk} table:
 * {@code 2006}, {@code 01}, {@code Jan}, {@code 15}, {@code PM}, {@code -07:00}, {@code .000}, ...)
 * and literal text between them; formatting prints each chunk of the time, parsing reads each chunk
 * from the text in order and fails on the first mismatch, as Go's {@code time.Parse} does.
 * "Local" is UTC: a load reads no machine's zone.
 */
public final class GoTime implements dev.converge.yaml.internal.template.GoStringer {

  /** The zone Go calls Local: UTC, since a load never reads the machine's own zone. */
  static final ZoneId LOCAL = ZoneOffset.UTC;

  /** Go's zero time, {@code 0001-01-01 00:00:00 +0000 UTC}. */
  static final GoTime ZERO = new GoTime(ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));

  /** Go's {@code time.RFC3339Nano}, which JSON and YAML print a time with. */
  static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";

  private final ZonedDateTime time;

  GoTime(ZonedDateTime time) {
    this.time = time;
  }

  static GoTime of(Instant instant, ZoneId zone) {
    return new GoTime(instant.atZone(zone));
  }

  Instant instant() {
    return time.toInstant();
  }

  ZonedDateTime zoned() {
    return time;
  }

  GoTime in(ZoneId zone) {
    return new GoTime(time.withZoneSameInstant(zone));
  }

  GoTime plusNanos(long nanos) {
    return new GoTime(time.plusNanos(nanos));
  }

  /** Go's {@code Time.String()}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
  @Override
  public String toString() {
    return format("2006-01-02 15:04:05.999999999 -0700 MST");
  }

  @Override
  public String goString() {
    return toString();
  }

  @Override
  public String goTypeName() {
    return "time.Time";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoTime t && t.time.equals(time);
  }

  @Override
  public int hashCode() {
    return time.hashCode();
  }

  // ---- layouts

  private enum Chunk {
    LONG_MONTH("January"), MONTH("Jan"), NUM_MONTH("1"), ZERO_MONTH("01"), LONG_WEEKDAY("Monday"), WEEKDAY("Mon"),
    DAY("2"), UNDER_DAY("_2"), ZERO_DAY("02"), UNDER_YEAR_DAY("__2"), ZERO_YEAR_DAY("002"), HOUR("15"), HOUR12("3"),
    ZERO_HOUR12("03"), MINUTE("4"), ZERO_MINUTE("04"), SECOND("5"), ZERO_SECOND("05"), LONG_YEAR("2006"), YEAR("06"),
    PM("PM"), LOWER_PM("pm"), TZ("MST"), ISO8601_TZ("Z0700"), ISO8601_SECONDS_TZ("Z070000"), ISO8601_SHORT_TZ("Z07"),
    ISO8601_COLON_TZ("Z07:00"), ISO8601_COLON_SECONDS_TZ("Z07:00:00"), NUM_TZ("-0700"), NUM_SECONDS_TZ("-070000"),
    NUM_SHORT_TZ("-07"), NUM_COLON_TZ("-07:00"), NUM_COLON_SECONDS_TZ("-07:00:00"), FRAC_ZEROS(""), FRAC_NINES("");

    final String text;

    Chunk(String text) {
      this.text = text;
    }
  }

  /** A piece of a layout: literal text, or a chunk (with its digit count and separator for fractions). */
  private record Piece(String literal, Chunk chunk, int digits, char separator) {}

  private static final Chunk[] BY_LENGTH = sortedChunks();

  private static Chunk[] sortedChunks() {
    List<Chunk> all = new ArrayList<>();
    for (Chunk c : Chunk.values()) {
      if (!c.text.isEmpty()) {
        all.add(c);
      }
    }
    all.sort((a, b) -> Integer.compare(b.text.length(), a.text.length()));
    return all.toArray(new Chunk[0]);
  }

  /** The layout as pieces, longest chunk first at each position (Go's table, in effect). */
  private static List<Piece> pieces(String layout) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    outer:
    while (i < layout.length()) {
      char c = layout.charAt(i);
      if ((c == '.' || c == ',') && i + 1 < layout.length()
          && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
        char digit = layout.charAt(i + 1);
        int j = i + 1;
        while (j < layout.length() && layout.charAt(j) == digit) {
          j++;
        }
        // a fraction only when not followed by another digit (Go's isDigit check)
        if (j >= layout.length() || !Character.isDigit(layout.charAt(j))) {
          flush(pieces, literal);
          pieces.add(new Piece(null, digit == '0' ? Chunk.FRAC_ZEROS : Chunk.FRAC_NINES, j - i - 1, c));
          i = j;
          continue;
        }
      }
      for (Chunk chunk : BY_LENGTH) {
        if (layout.startsWith(chunk.text, i) && accepts(layout, i, chunk)) {
          flush(pieces, literal);
          pieces.add(new Piece(null, chunk, 0, '.'));
          i += chunk.text.length();
          continue outer;
        }
      }
      literal.append(c);
      i++;
    }
    flush(pieces, literal);
    return pieces;
  }

  /** Go's special cases: "Jan"/"Mon" need no lowercase letter after them ("January" is taken first). */
  private static boolean accepts(String layout, int at, Chunk chunk) {
    if (chunk == Chunk.MONTH || chunk == Chunk.WEEKDAY) {
      int end = at + chunk.text.length();
      return end >= layout.length() || !Character.isLowerCase(layout.charAt(end));
    }
    return true;
  }

  private static void flush(List<Piece> pieces, StringBuilder literal) {
    if (literal.length() > 0) {
      pieces.add(new Piece(literal.toString(), null, 0, '.'));
      literal.setLength(0);
    }
  }

  /** This time printed with Go's reference {@code layout}. */
  String format(String layout) {
    StringBuilder out = new StringBuilder();
    ZonedDateTime t = time;
    for (Piece p : pieces(layout)) {
      if (p.literal() != null) {
        out.append(p.literal());
        continue;
      }
      int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
      int offset = t.getOffset().getTotalSeconds();
      switch (p.chunk()) {
        case LONG_MONTH -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case MONTH -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case NUM_MONTH -> out.append(t.getMonthValue());
        case ZERO_MONTH -> pad(out, t.getMonthValue(), 2, '0');
        case LONG_WEEKDAY -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case WEEKDAY -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case DAY -> out.append(t.getDayOfMonth());
        case UNDER_DAY -> pad(out, t.getDayOfMonth(), 2, ' ');
        case ZERO_DAY -> pad(out, t.getDayOfMonth(), 2, '0');
        case UNDER_YEAR_DAY -> pad(out, t.getDayOfYear(), 3, ' ');
        case ZERO_YEAR_DAY -> pad(out, t.getDayOfYear(), 3, '0');
        case HOUR -> pad(out, t.getHour(), 2, '0');
        case HOUR12 -> out.append(hour12);
        case ZERO_HOUR12 -> pad(out, hour12, 2, '0');
        case MINUTE -> out.append(t.getMinute());
        case ZERO_MINUTE -> pad(out, t.getMinute(), 2, '0');
        case SECOND -> out.append(t.getSecond());
        case ZERO_SECOND -> pad(out, t.getSecond(), 2, '0');
        case LONG_YEAR -> pad(out, t.getYear(), 4, '0');
        case YEAR -> pad(out, Math.floorMod(t.getYear(), 100), 2, '0');
        case PM -> out.append(t.getHour() >= 12 ? "PM" : "AM");
        case LOWER_PM -> out.append(t.getHour() >= 12 ? "pm" : "am");
        case TZ -> out.append(zoneName(t));
        case ISO8601_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_TZ, ISO8601_COLON_SECONDS_TZ -> {
          if (offset == 0) {
            out.append('Z');
          } else {
            offset(out, offset, p.chunk());
          }
        }
        case NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ -> offset(out, offset, p.chunk());
        case FRAC_ZEROS -> {
          out.append(p.separator());
          out.append(String.format("%09d", t.getNano()), 0, p.digits());
        }
        case FRAC_NINES -> {
          String digits = String.format("%09d", t.getNano()).substring(0, Math.min(9, p.digits()));
          int end = digits.length();
          while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
          }
          if (end > 0) {
            out.append(p.separator()).append(digits, 0, end);
          }
        }
        default -> throw new IllegalStateException("chunk " + p.chunk());
      }
    }
    return out.toString();
  }

  /** Go prints the zone's abbreviation, or the numeric offset when the zone has none. */
  private static String zoneName(ZonedDateTime t) {
    if (t.getZone() instanceof ZoneOffset o) {
      return o.getTotalSeconds() == 0 ? "UTC" : offsetText(o.getTotalSeconds());
    }
    String abbreviation = java.time.format.DateTimeFormatter.ofPattern("z", Locale.ENGLISH).format(t);
    return abbreviation.startsWith("GMT") && abbreviation.length() > 3 || abbreviation.startsWith("UTC+")
        || abbreviation.startsWith("UTC-") ? offsetText(t.getOffset().getTotalSeconds()) : abbreviation;
  }

  private static String offsetText(int seconds) {
    StringBuilder out = new StringBuilder();
    out.append(seconds < 0 ? '-' : '+');
    int abs = Math.abs(seconds);
    pad(out, abs / 3600, 2, '0');
    if (abs % 3600 != 0) {
      pad(out, abs / 60 % 60, 2, '0');
    }
    return out.toString();
  }

  private static void offset(StringBuilder out, int seconds, Chunk chunk) {
    out.append(seconds < 0 ? '-' : '+');
    int abs = Math.abs(seconds);
    pad(out, abs / 3600, 2, '0');
    boolean colon = chunk == Chunk.ISO8601_COLON_TZ || chunk == Chunk.ISO8601_COLON_SECONDS_TZ
        || chunk == Chunk.NUM_COLON_TZ || chunk == Chunk.NUM_COLON_SECONDS_TZ;
    if (chunk == Chunk.ISO8601_SHORT_TZ || chunk == Chunk.NUM_SHORT_TZ) {
      return;
    }
    if (colon) {
      out.append(':');
    }
    pad(out, abs / 60 % 60, 2, '0');
    if (chunk == Chunk.ISO8601_SECONDS_TZ || chunk == Chunk.NUM_SECONDS_TZ || chunk == Chunk.ISO8601_COLON_SECONDS_TZ
        || chunk == Chunk.NUM_COLON_SECONDS_TZ) {
      if (colon) {
        out.append(':');
      }
      pad(out, abs % 60, 2, '0');
    }
  }

  private static void pad(StringBuilder out, int value, int width, char with) {
    String digits = Integer.toString(Math.abs(value));
    if (value < 0) {
      out.append('-');
    }
    for (int i = digits.length(); i < width; i++) {
      out.append(with);
    }
    out.append(digits);
  }

  // ---- parsing

  /**
   * {@code text} read with Go's reference {@code layout} ({@code time.ParseInLocation}): a time
   * without a zone in the layout is in {@code zone}.
   *
   * @throws TemplateException in Go's words when the text does not match the layout
   */
  static GoTime parse(String layout, String text, ZoneId zone) {
    int[] at = {0};
    int year = 1;
    int month = 1;
    int day = 1;
    int yearDay = -1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nano = 0;
    boolean pm = false;
    boolean pmSet = false;
    ZoneId parsedZone = null;
    for (Piece p : pieces(layout)) {
      if (p.literal() != null) {
        if (!text.startsWith(p.literal(), at[0])) {
          throw cannotParse(layout, text, at[0], p.literal());
        }
        at[0] += p.literal().length();
        continue;
      }
      switch (p.chunk()) {
        case LONG_MONTH, MONTH -> {
          TextStyle style = p.chunk() == Chunk.LONG_MONTH ? TextStyle.FULL : TextStyle.SHORT;
          month = -1;
          for (java.time.Month m : java.time.Month.values()) {
            String name = m.getDisplayName(style, Locale.ENGLISH);
            if (text.regionMatches(true, at[0], name, 0, name.length())) {
              month = m.getValue();
              at[0] += name.length();
              break;
            }
          }
          if (month < 0) {
            throw cannotParse(layout, text, at[0], p.chunk().text);
          }
        }
        case LONG_WEEKDAY, WEEKDAY -> {
          TextStyle style = p.chunk() == Chunk.LONG_WEEKDAY ? TextStyle.FULL : TextStyle.SHORT;
          boolean found = false;
          for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            String name = d.getDisplayName(style, Locale.ENGLISH);
            if (text.regionMatches(true, at[0], name, 0, name.length())) {
              at[0] += name.length();
              found = true;
              break;
            }
          }
          if (!found) {
            throw cannotParse(layout, text, at[0], p.chunk().text);
          }
        }
        case NUM_MONTH, ZERO_MONTH -> month = number(layout, text, at, p.chunk() == Chunk.ZERO_MONTH ? 2 : 1, 2, p);
        case DAY, ZERO_DAY -> day = number(layout, text, at, p.chunk() == Chunk.ZERO_DAY ? 2 : 1, 2, p);
        case UNDER_DAY -> {
          if (at[0] < text.length() && text.charAt(at[0]) == ' ') {
            at[0]++;
          }
          day = number(layout, text, at, 1, 2, p);
        }
        case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
          while (p.chunk() == Chunk.UNDER_YEAR_DAY && at[0] < text.length() && text.charAt(at[0]) == ' ') {
            at[0]++;
          }
          yearDay = number(layout, text, at, p.chunk() == Chunk.ZERO_YEAR_DAY ? 3 : 1, 3, p);
        }
        case HOUR -> hour = number(layout, text, at, 2, 2, p);
        case HOUR12, ZERO_HOUR12 -> hour = number(layout, text, at, p.chunk() == Chunk.ZERO_HOUR12 ? 2 : 1, 2, p);
        case MINUTE, ZERO_MINUTE -> minute = number(layout, text, at, p.chunk() == Chunk.ZERO_MINUTE ? 2 : 1, 2, p);
        case SECOND, ZERO_SECOND -> {
          second = number(layout, text, at, p.chunk() == Chunk.ZERO_SECOND ? 2 : 1, 2, p);
          // Go accepts a fraction after seconds even when the layout has none
          if (at[0] + 1 < text.length() && (text.charAt(at[0]) == '.' || text.charAt(at[0]) == ',')
              && Character.isDigit(text.charAt(at[0] + 1)) && !nextIsFraction(layout, p)) {
            at[0]++;
            nano = fraction(text, at, 9);
          }
        }
        case LONG_YEAR -> year = number(layout, text, at, 4, 4, p);
        case YEAR -> {
          int y = number(layout, text, at, 2, 2, p);
          year = y >= 69 ? 1900 + y : 2000 + y;
        }
        case PM, LOWER_PM -> {
          String s = text.length() >= at[0] + 2 ? text.substring(at[0], at[0] + 2).toUpperCase(Locale.ROOT) : "";
          if (!s.equals("AM") && !s.equals("PM")) {
            throw cannotParse(layout, text, at[0], p.chunk().text);
          }
          pm = s.equals("PM");
          pmSet = true;
          at[0] += 2;
        }
        case TZ -> {
          int start = at[0];
          while (at[0] < text.length() && Character.isUpperCase(text.charAt(at[0]))) {
            at[0]++;
          }
          String name = text.substring(start, at[0]);
          if (name.length() < 3) {
            throw cannotParse(layout, text, start, "MST");
          }
          parsedZone = name.equals("UTC") || name.equals("GMT") ? ZoneOffset.UTC : zone;
        }
        case ISO8601_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_TZ, ISO8601_COLON_SECONDS_TZ,
            NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ -> {
          if (p.chunk().name().startsWith("ISO") && at[0] < text.length() && text.charAt(at[0]) == 'Z') {
            at[0]++;
            parsedZone = ZoneOffset.UTC;
          } else {
            parsedZone = parseOffset(layout, text, at, p.chunk());
          }
        }
        case FRAC_ZEROS -> {
          if (at[0] >= text.length() || text.charAt(at[0]) != p.separator()) {
            throw cannotParse(layout, text, at[0], p.separator() + "0");
          }
          at[0]++;
          int start = at[0];
          nano = fraction(text, at, 9);
          if (at[0] - start != p.digits()) {
            throw cannotParse(layout, text, start, "0".repeat(p.digits()));
          }
        }
        case FRAC_NINES -> {
          if (at[0] + 1 < text.length() && text.charAt(at[0]) == p.separator() && Character.isDigit(text.charAt(at[0] + 1))) {
            at[0]++;
            nano = fraction(text, at, 9);
          }
        }
        default -> throw new IllegalStateException("chunk " + p.chunk());
      }
    }
    if (at[0] != text.length()) {
      throw new TemplateException("parsing time " + goQuote(text) + ": extra text: " + goQuote(text.substring(at[0])));
    }
    if (pmSet) {
      if (hour > 12) {
        throw new TemplateException("parsing time " + goQuote(text) + ": hour out of range");
      }
      hour = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour);
    }
    try {
      LocalDate date = yearDay > 0 ? LocalDate.ofYearDay(year, yearDay) : LocalDate.of(year, month, day);
      return new GoTime(ZonedDateTime.of(date, LocalTime.of(hour, minute, second, nano),
          parsedZone == null ? zone : parsedZone));
    } catch (DateTimeException e) {
      throw new TemplateException("parsing time " + goQuote(text) + ": " + e.getMessage());
    }
  }

  private static boolean nextIsFraction(String layout, Piece seconds) {
    List<Piece> all = pieces(layout);
    int i = all.indexOf(seconds);
    return i >= 0 && i + 1 < all.size() && all.get(i + 1).chunk() != null
        && (all.get(i + 1).chunk() == Chunk.FRAC_ZEROS || all.get(i + 1).chunk() == Chunk.FRAC_NINES);
  }

  private static int number(String layout, String text, int[] at, int min, int max, Piece p) {
    int start = at[0];
    int end = start;
    while (end < text.length() && end - start < max && Character.isDigit(text.charAt(end))) {
      end++;
    }
    if (end - start < min) {
      throw cannotParse(layout, text, start, p.chunk().text);
    }
    at[0] = end;
    return Integer.parseInt(text.substring(start, end));
  }

  private static int fraction(String text, int[] at, int digits) {
    int start = at[0];
    while (at[0] < text.length() && Character.isDigit(text.charAt(at[0]))) {
      at[0]++;
    }
    String f = text.substring(start, at[0]);
    f = f.length() > digits ? f.substring(0, digits) : f + "0".repeat(digits - f.length());
    return Integer.parseInt(f);
  }

  private static ZoneId parseOffset(String layout, String text, int[] at, Chunk chunk) {
    int start = at[0];
    if (at[0] >= text.length() || (text.charAt(at[0]) != '+' && text.charAt(at[0]) != '-')) {
      throw cannotParse(layout, text, start, chunk.text);
    }
    int sign = text.charAt(at[0]) == '-' ? -1 : 1;
    at[0]++;
    int[] parts = new int[3];
    int count = chunk.text.replace("Z", "-").replace(":", "").length() / 2; // 1 (hh), 2 (hhmm) or 3 (hhmmss)
    boolean colon = chunk.text.contains(":");
    for (int i = 0; i < count; i++) {
      if (i > 0 && colon) {
        if (at[0] >= text.length() || text.charAt(at[0]) != ':') {
          throw cannotParse(layout, text, start, chunk.text);
        }
        at[0]++;
      }
      if (at[0] + 2 > text.length() || !Character.isDigit(text.charAt(at[0])) || !Character.isDigit(text.charAt(at[0] + 1))) {
        throw cannotParse(layout, text, start, chunk.text);
      }
      parts[i] = Integer.parseInt(text.substring(at[0], at[0] + 2));
      at[0] += 2;
    }
    try {
      return ZoneOffset.ofTotalSeconds(sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]));
    } catch (DateTimeException e) {
      throw new TemplateException("parsing time " + goQuote(text) + ": time zone offset out of range");
    }
  }

  private static TemplateException cannotParse(String layout, String text, int at, String expected) {
    return new TemplateException("parsing time " + goQuote(text) + " as " + goQuote(layout) + ": cannot parse "
        + goQuote(text.substring(Math.min(at, text.length()))) + " as " + goQuote(expected));
  }

  private static String goQuote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  // ---- durations

  private static final long NANOSECOND = 1;
  private static final long MICROSECOND = 1_000;
  private static final long MILLISECOND = 1_000_000;
  private static final long SECOND = 1_000_000_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;

  /**
   * Go's {@code time.ParseDuration}: a sign, then numbers with units ({@code ns}, {@code us},
   * {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}), such as {@code -1h30m} or {@code 1.5s}.
   *
   * @throws TemplateException in Go's words when the text is no duration
   */
  static long parseDuration(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw new TemplateException("time: invalid duration " + goQuote(text));
    }
    java.math.BigDecimal total = java.math.BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw new TemplateException("time: invalid duration " + goQuote(text));
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      long scale = switch (unit) {
        case "ns" -> NANOSECOND;
        case "us", "µs", "μs" -> MICROSECOND;
        case "ms" -> MILLISECOND;
        case "s" -> SECOND;
        case "m" -> MINUTE;
        case "h" -> HOUR;
        case "" -> throw new TemplateException("time: missing unit in duration " + goQuote(text));
        default -> throw new TemplateException("time: unknown unit " + goQuote(unit) + " in duration " + goQuote(text));
      };
      total = total.add(new java.math.BigDecimal(number.startsWith(".") ? "0" + number : number)
          .multiply(java.math.BigDecimal.valueOf(scale)));
    }
    java.math.BigInteger nanos = total.toBigInteger();
    if (nanos.bitLength() > 63) {
      throw new TemplateException("time: invalid duration " + goQuote(text));
    }
    return negative ? -nanos.longValue() : nanos.longValue();
  }

  /** Go's {@code time.Duration.String()}: {@code 1h2m3.5s}, {@code 1.5ms}, {@code 0s}. */
  static String durationString(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    boolean negative = nanos < 0;
    java.math.BigInteger u = java.math.BigInteger.valueOf(nanos).abs();
    StringBuilder out = new StringBuilder();
    if (u.compareTo(java.math.BigInteger.valueOf(SECOND)) < 0) {
      long v = u.longValue();
      String unit;
      int precision;
      if (v < MICROSECOND) {
        unit = "ns";
        precision = 0;
      } else if (v < MILLISECOND) {
        unit = "µs";
        precision = 3;
      } else {
        unit = "ms";
        precision = 6;
      }
      out.append(fractional(v, precision)).append(unit);
    } else {
      long v = u.min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
      long seconds = v / SECOND;
      long frac = v % SECOND;
      String secondsText = Long.toString(seconds % 60) + fractionText(frac, 9) + "s";
      long minutes = seconds / 60;
      if (minutes > 0) {
        long hours = minutes / 60;
        if (hours > 0) {
          out.append(hours).append('h');
        }
        out.append(minutes % 60).append('m');
      }
      out.append(secondsText);
    }
    return (negative ? "-" : "") + out;
  }

  private static String fractional(long v, int precision) {
    long scale = 1;
    for (int i = 0; i < precision; i++) {
      scale *= 10;
    }
    return (v / scale) + fractionText(v % scale, precision);
  }

  private static String fractionText(long fraction, int digits) {
    if (fraction == 0) {
      return "";
    }
    String text = String.format("%0" + digits + "d", fraction);
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '0') {
      end--;
    }
    return "." + text.substring(0, end);
  }

  /** A zone by IANA name ({@code time.LoadLocation}): "Local" and "" are {@link #LOCAL}, "UTC" UTC. */
  static ZoneId zone(String name) {
    if (name.isEmpty() || name.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    if (name.equals("Local")) {
      return LOCAL;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new TemplateException("unknown time zone " + name);
    }
  }
}
