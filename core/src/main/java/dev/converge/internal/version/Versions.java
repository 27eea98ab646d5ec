package dev.converge.internal.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders the versions of folder versions and strict pins: {@code v2 < v10}, {@code 1.2.3 < 1.10.0},
 * a pre-release before its release. Numeric parts compare as numbers; anything else as text.
 */
public final class Versions {

  private static final Pattern NUMBERS = Pattern.compile("v?(\\d+(?:\\.\\d+)*)(.*)");
  private static final Pattern ORDERED = Pattern.compile("[vV]\\d+(?:\\.\\d+)*(?:[-+].*)?|\\d+(?:\\.\\d+)+(?:[-+].*)?");

  private Versions() {}

  /**
   * Whether {@code version} has an order at all: {@code v2}, {@code 1.2.3}, {@code v1.2.3-rc1} do;
   * a commit id ({@code abc123d}, or all digits without dots) does not, so no pin is "newer" by it.
   */
  public static boolean isOrdered(String version) {
    return ORDERED.matcher(version).matches();
  }

  /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
  public static int compare(String a, String b) {
    Matcher ma = NUMBERS.matcher(a);
    Matcher mb = NUMBERS.matcher(b);
    if (!ma.matches() || !mb.matches()) {
      return a.compareTo(b);
    }
    String[] pa = ma.group(1).split("\\.");
    String[] pb = mb.group(1).split("\\.");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      int c = compareNumbers(i < pa.length ? pa[i] : "0", i < pb.length ? pb[i] : "0");
      if (c != 0) {
        return c;
      }
    }
    String ra = ma.group(2);
    String rb = mb.group(2);
    if (ra.isEmpty() || rb.isEmpty()) {
      return Boolean.compare(ra.isEmpty(), rb.isEmpty());
    }
    return ra.compareTo(rb);
  }

  private static int compareNumbers(String a, String b) {
    String x = a.replaceFirst("^0+(?=.)", "");
    String y = b.replaceFirst("^0+(?=.)", "");
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  /** The same version written with or without a leading {@code v}: {@code v1.2.3} and {@code 1.2.3}. */
  public static boolean same(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String version) {
    return version.startsWith("v") || version.startsWith("V") ? version.substring(1) : version;
  }
}
