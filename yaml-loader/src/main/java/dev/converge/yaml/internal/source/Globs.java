package dev.converge.yaml.internal.source;

import java.util.regex.Pattern;

/**
 * Doublestar globs as Atmos uses them (github.com/bmatcuk/doublestar): {@code *} within one path
 * segment, {@code **} across segments (a {@code **}{@code /} prefix also matches nothing),
 * {@code ?} one character, {@code [abc]} classes and {@code {a,b}} alternatives.
 */
public final class Globs {

  private Globs() {}

  public static boolean isGlob(String path) {
    return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0 || path.indexOf('{') >= 0;
  }

  public static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    int alternatives = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*':
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
            boolean atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
            if (slashAfter && atSegmentStart) {
              regex.append("(?:.*/)?");
              i += 2;
            } else {
              regex.append(".*");
              i++;
            }
          } else {
            regex.append("[^/]*");
          }
          break;
        case '?':
          regex.append("[^/]");
          break;
        case '[': {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            regex.append("\\[");
          } else {
            String body = glob.substring(i + 1, end);
            if (body.startsWith("!") || body.startsWith("^")) {
              body = "^" + body.substring(1);
            }
            regex.append('[').append(body.replace("\\", "\\\\")).append(']');
            i = end;
          }
          break;
        }
        case '{':
          alternatives++;
          regex.append("(?:");
          break;
        case '}':
          if (alternatives > 0) {
            alternatives--;
            regex.append(')');
          } else {
            regex.append("\\}");
          }
          break;
        case ',':
          regex.append(alternatives > 0 ? "|" : ",");
          break;
        default:
          regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    while (alternatives-- > 0) {
      regex.append(')');
    }
    return Pattern.compile(regex.toString());
  }
}
