package dev.converge.yaml.internal.template.library;

import dev.converge.yaml.internal.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic versions as Sprig's {@code semver} and {@code semverCompare} read them
 * ({@code Masterminds/semver/v3}): lenient versions ({@code v1.2}, {@code 1}), precedence by the
 * SemVer 2.0 rules (build metadata ignored), and constraints: comparisons ({@code =}, {@code !=},
 * {@code >}, {@code <}, {@code >=}, {@code <=}), wildcards ({@code 1.2.x}, {@code *}), tilde
 * ({@code ~1.2}: patch updates), caret ({@code ^1.2}: minor updates; below 1.0 the leftmost
 * non-zero part is kept), hyphen ranges ({@code 1.2 - 1.4.5}), {@code ,} or blanks for "and",
 * {@code ||} for "or". A prerelease version satisfies a constraint only when the constraint names
 * a prerelease too.
 */
final class Semver {

  private static final Pattern VERSION = Pattern.compile(
      "v?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");
  private static final Pattern CONSTRAINT_VERSION = Pattern.compile(
      "v?([0-9]+|[xX*])(?:\\.([0-9]+|[xX*]))?(?:\\.([0-9]+|[xX*]))?(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");
  private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");
  private static final Pattern OPERATOR_SPACE = Pattern.compile("(>=|<=|!=|=>|=<|[<>=~^])\\s+");

  final long major;
  final long minor;
  final long patch;
  final String prerelease;
  final String metadata;
  final String original;

  private Semver(long major, long minor, long patch, String prerelease, String metadata, String original) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.prerelease = prerelease;
    this.metadata = metadata;
    this.original = original;
  }

  /** {@code semver}'s version, as Masterminds's {@code NewVersion} reads it; Go's message when it is none. */
  static Semver parse(String text) {
    Matcher m = VERSION.matcher(text);
    if (!m.matches()) {
      throw new TemplateException("Invalid Semantic Version");
    }
    try {
      return new Semver(Long.parseLong(m.group(1)), m.group(2) == null ? 0 : Long.parseLong(m.group(2)),
          m.group(3) == null ? 0 : Long.parseLong(m.group(3)), m.group(4) == null ? "" : m.group(4),
          m.group(5) == null ? "" : m.group(5), text);
    } catch (NumberFormatException e) {
      throw new TemplateException("Invalid Semantic Version");
    }
  }

  /** The version as a template sees it: its parts by the names of Masterminds's methods. */
  Map<String, Object> toMap() {
    Map<String, Object> m = new TreeMap<>();
    m.put("Major", major);
    m.put("Minor", minor);
    m.put("Patch", patch);
    m.put("Prerelease", prerelease);
    m.put("Metadata", metadata);
    m.put("Original", original);
    return m;
  }

  /** SemVer 2.0 precedence: numbers, then prerelease (none ranks above any). */
  int compareTo(Semver o) {
    int c = Long.compare(major, o.major);
    c = c != 0 ? c : Long.compare(minor, o.minor);
    c = c != 0 ? c : Long.compare(patch, o.patch);
    return c != 0 ? c : comparePrerelease(prerelease, o.prerelease);
  }

  private static int comparePrerelease(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isEmpty()) {
      return 1;
    }
    if (b.isEmpty()) {
      return -1;
    }
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      boolean xn = x[i].chars().allMatch(Character::isDigit);
      boolean yn = y[i].chars().allMatch(Character::isDigit);
      int c;
      if (xn && yn) {
        c = new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]));
      } else if (xn != yn) {
        c = xn ? -1 : 1;
      } else {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /** One constraint: an operator and a version whose missing or wildcard parts are "dirty". */
  private record Constraint(String op, Semver version, boolean minorDirty, boolean patchDirty, boolean majorDirty) {

    boolean dirty() {
      return majorDirty || minorDirty || patchDirty;
    }

    boolean check(Semver v) {
      if (!v.prerelease.isEmpty() && version.prerelease.isEmpty()) {
        return false;
      }
      return switch (op) {
        case "", "=" -> dirty() ? inWildcardRange(v) : v.compareTo(version) == 0;
        case "!=" -> dirty() ? !inWildcardRange(v) : v.compareTo(version) != 0;
        case ">" -> greater(v);
        case "<" -> v.compareTo(version) < 0;
        case ">=", "=>" -> v.compareTo(version) >= 0;
        case "<=", "=<" -> lessOrEqual(v);
        case "~" -> v.compareTo(version) >= 0 && v.major == version.major
            && (minorDirty || v.minor == version.minor);
        case "^" -> v.compareTo(version) >= 0 && caret(v);
        default -> throw new IllegalStateException(op);
      };
    }

    private boolean inWildcardRange(Semver v) {
      if (majorDirty) {
        return true;
      }
      if (v.major != version.major) {
        return false;
      }
      if (minorDirty) {
        return true;
      }
      return v.minor == version.minor && (patchDirty || v.patch == version.patch);
    }

    private boolean greater(Semver v) {
      if (!dirty()) {
        return v.compareTo(version) > 0;
      }
      if (majorDirty) {
        return false;
      }
      if (v.major != version.major) {
        return v.major > version.major;
      }
      if (minorDirty) {
        return false;
      }
      return v.minor > version.minor;
    }

    private boolean lessOrEqual(Semver v) {
      if (!dirty()) {
        return v.compareTo(version) <= 0;
      }
      if (majorDirty) {
        return true;
      }
      if (v.major != version.major) {
        return v.major < version.major;
      }
      if (minorDirty) {
        return true;
      }
      return v.minor <= version.minor;
    }

    private boolean caret(Semver v) {
      if (version.major > 0 || minorDirty) {
        return v.major == version.major;
      }
      if (version.minor > 0 || patchDirty) {
        return v.major == 0 && v.minor == version.minor;
      }
      return v.major == 0 && v.minor == 0 && v.patch == version.patch;
    }
  }

  /** Whether {@code version} satisfies {@code constraints} ({@code semverCompare}). */
  static boolean satisfies(String constraints, Semver version) {
    for (List<Constraint> group : parseConstraints(constraints)) {
      if (group.stream().allMatch(c -> c.check(version))) {
        return true;
      }
    }
    return false;
  }

  private static List<List<Constraint>> parseConstraints(String text) {
    List<List<Constraint>> groups = new ArrayList<>();
    for (String or : text.split("\\|\\|")) {
      String group = HYPHEN.matcher(or.strip()).replaceAll(">= $1, <= $2");
      group = OPERATOR_SPACE.matcher(group).replaceAll("$1");
      List<Constraint> all = new ArrayList<>();
      for (String one : group.split("[,\\s]+")) {
        if (!one.isEmpty()) {
          all.add(constraint(one, text));
        }
      }
      if (all.isEmpty()) {
        throw new TemplateException("improper constraint: " + text);
      }
      groups.add(all);
    }
    return groups;
  }

  private static Constraint constraint(String text, String whole) {
    int i = 0;
    while (i < text.length() && "<>=!~^".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    String op = text.substring(0, i);
    if (!List.of("", "=", "!=", ">", "<", ">=", "<=", "=>", "=<", "~", "^", "~>").contains(op)) {
      throw new TemplateException("improper constraint: " + whole);
    }
    Matcher m = CONSTRAINT_VERSION.matcher(text.substring(i));
    if (!m.matches()) {
      throw new TemplateException("improper constraint: " + whole);
    }
    boolean majorDirty = wildcard(m.group(1));
    boolean minorDirty = majorDirty || m.group(2) == null || wildcard(m.group(2));
    boolean patchDirty = minorDirty || m.group(3) == null || wildcard(m.group(3));
    Semver v = new Semver(majorDirty ? 0 : Long.parseLong(m.group(1)), minorDirty ? 0 : Long.parseLong(m.group(2)),
        patchDirty ? 0 : Long.parseLong(m.group(3)), m.group(4) == null ? "" : m.group(4),
        m.group(5) == null ? "" : m.group(5), text);
    return new Constraint(op.equals("~>") ? "~" : op, v, minorDirty, patchDirty, majorDirty);
  }

  private static boolean wildcard(String part) {
    return part.equals("x") || part.equals("X") || part.equals("*");
  }
}
