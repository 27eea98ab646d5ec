package dev.converge.yaml.internal.source;

import java.util.ArrayDeque;
import java.util.Deque;

/** Repository-relative paths with {@code /} separators. */
public final class RepoPaths {

  private RepoPaths() {}

  /**
   * Resolves {@code .} and {@code ..} segments and duplicate separators. A path that climbs above
   * the root keeps its leading {@code ../} segments, so callers can tell it leaves the repository.
   */
  public static String normalize(String path) {
    if (isNormal(path)) {
      return path; // the common case, checked without splitting
    }
    Deque<String> parts = new ArrayDeque<>();
    int up = 0;
    for (String part : path.replace('\\', '/').split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          up++;
        } else {
          parts.removeLast();
        }
      } else {
        parts.addLast(part);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < up; i++) {
      out.append(i == 0 ? "" : "/").append("..");
    }
    for (String part : parts) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    return out.toString();
  }

  /** No {@code \\}, no empty, {@code .} or {@code ..} segment, no leading or trailing {@code /}. */
  private static boolean isNormal(String path) {
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      char c = i == path.length() ? '/' : path.charAt(i);
      if (c == '\\') {
        return false;
      }
      if (c == '/') {
        int length = i - start;
        if (length == 0 && !path.isEmpty()
            || length == 1 && path.charAt(start) == '.'
            || length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  public static String join(String a, String b) {
    if (a.isEmpty()) {
      return normalize(b);
    }
    if (b.isEmpty()) {
      return normalize(a);
    }
    return normalize(a + "/" + b);
  }

  /** The directory part of {@code path} ("" for a file at the root). */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  public static boolean leavesRoot(String normalized) {
    return normalized.equals("..") || normalized.startsWith("../");
  }

  /** {@code path} relative to {@code directory} when it lies under it, else {@code path} itself. */
  public static String relativize(String directory, String path) {
    if (directory.isEmpty()) {
      return path;
    }
    return path.startsWith(directory + "/") ? path.substring(directory.length() + 1) : path;
  }

  /**
   * The path that leads from folder {@code from} to {@code to}, both normalized and inside the same
   * root ({@code ""} when they are the same): {@code relative("a/b", "a/c/d")} is {@code ../c/d}.
   */
  public static String relative(String from, String to) {
    String common = commonAncestor(from, to);
    StringBuilder out = new StringBuilder();
    String rest = from.substring(common.length());
    for (String part : rest.split("/")) {
      if (!part.isEmpty()) {
        out.append(out.length() == 0 ? "" : "/").append("..");
      }
    }
    String down = to.substring(common.length());
    if (down.startsWith("/")) {
      down = down.substring(1);
    }
    if (down.isEmpty()) {
      return out.toString();
    }
    return out.length() == 0 ? down : out + "/" + down;
  }

  /** The deepest folder that holds both normalized paths ({@code ""}: the root). */
  public static String commonAncestor(String a, String b) {
    String[] x = a.isEmpty() ? new String[0] : a.split("/");
    String[] y = b.isEmpty() ? new String[0] : b.split("/");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
      out.append(i == 0 ? "" : "/").append(x[i]);
    }
    return out.toString();
  }
}
