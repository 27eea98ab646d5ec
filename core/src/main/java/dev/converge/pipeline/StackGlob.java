package dev.converge.pipeline;

import java.util.regex.Pattern;

/**
 * A glob over Atmos stack names: {@code *} matches within one {@code /}-separated segment,
 * {@code **} across segments, {@code ?} one character. {@code prod/*} matches {@code prod/us-east-1}.
 */
public final class StackGlob {

  private final String glob;
  private final Pattern pattern;

  private StackGlob(String glob, Pattern pattern) {
    this.glob = glob;
    this.pattern = pattern;
  }

  public static StackGlob of(String glob) {
    if (glob.isBlank()) {
      throw new IllegalArgumentException("stack glob must not be blank");
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          regex.append(".*");
          i++;
        } else {
          regex.append("[^/]*");
        }
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new StackGlob(glob, Pattern.compile(regex.toString()));
  }

  public boolean matches(String stack) {
    return pattern.matcher(stack).matches();
  }

  public String glob() {
    return glob;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StackGlob that && glob.equals(that.glob);
  }

  @Override
  public int hashCode() {
    return glob.hashCode();
  }

  @Override
  public String toString() {
    return glob;
  }
}
