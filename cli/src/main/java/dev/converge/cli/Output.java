package dev.converge.cli;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Help.Ansi;

/** Colours for people at a terminal: gate states and classes, only when the terminal supports it. */
final class Output {

  private static final Pattern WORD = Pattern.compile("(?m)(?<=\\s|^)(open|done|converged|blocked|held|frozen|waiting_upstream"
      + "|soaking|awaiting_approval|outside_window|operational|planned_overdue|planned|experiment|emergency|undeclared|drift"
      + "|error|warning)(?=\\s|$|:)");

  private Output() {}

  static String colour(String text) {
    if (!Ansi.AUTO.enabled()) {
      return text;
    }
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Ansi.AUTO.string("@|" + style(m.group(1)) + " " + m.group(1) + "|@")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String style(String word) {
    Set<String> good = Set.of("open", "done", "converged");
    Set<String> bad = Set.of("blocked", "drift", "undeclared", "planned_overdue", "error");
    if (good.contains(word)) {
      return "bold,green";
    }
    if (bad.contains(word)) {
      return "bold,red";
    }
    return "bold,yellow";
  }

  static void require(Format format, Set<Format> supported, String command) {
    if (!supported.contains(format)) {
      throw new Converge.UsageException(command + " does not support --format " + format + "; use one of " + supported);
    }
  }

  static Set<Format> formats(Format first, Format... rest) {
    return EnumSet.of(first, rest);
  }
}
