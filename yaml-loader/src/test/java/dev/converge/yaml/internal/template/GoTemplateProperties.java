package dev.converge.yaml.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of the engine: random templates from a grammar of Go's template language
 * (and random corruptions of them) over random YAML-like data. The seed is in the display name; a
 * failing template is shrunk by deleting characters while it still fails, and the smallest is
 * printed.
 */
class GoTemplateProperties {

  private static final Map<String, TemplateFunction> FUNCS = Map.of(
      "upper", args -> String.valueOf(args.get(args.size() - 1)).toUpperCase(java.util.Locale.ROOT),
      "ns", args -> Map.of("Twice", (TemplateFunction) a -> a.isEmpty() ? "" : String.valueOf(a.get(0)) + a.get(0)));
  private static final Set<String> NAMES = FUNCS.keySet();
  private static final String[] KEYS = {"a", "b", "c", "list", "x"};

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 300).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parseAndExecute_anyTemplate_throwsOnlyTemplateException(long seed) {
    Random random = new Random(seed);
    Object data = value(random, 0);
    String template = new Gen(random).template();
    if (random.nextInt(3) == 0) {
      template = corrupt(random, template);
    }
    Predicate<String> fails = t -> {
      for (MissingKey mk : MissingKey.values()) {
        try {
          GoTemplate.parse("p", t, NAMES).execute(data, FUNCS, mk);
        } catch (TemplateException e) {
          assertThat(e.getMessage()).startsWith("template: ");
        } catch (RuntimeException | StackOverflowError e) {
          return true;
        }
      }
      return false;
    };
    if (fails.test(template)) {
      fail("seed " + seed + ": an exception other than TemplateException for " + shrink(template, fails) + " over " + data);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void execute_textOnly_isTheText(long seed) {
    Random random = new Random(seed);
    String text = text(random, 60).replace("{", "{ ");
    assertThat(GoTemplate.hasActions(text)).isFalse();
    assertThat(GoTemplate.parse("p", text, NAMES).execute(value(random, 0), FUNCS, MissingKey.ERROR)).isEqualTo(text);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parse_printedTree_parsesToTheSameTreeAndExecutesTheSame(long seed) {
    Random random = new Random(seed);
    String template = new Gen(random).template();
    GoTemplate first;
    try {
      first = GoTemplate.parse("p", template, NAMES);
    } catch (TemplateException e) {
      return;
    }
    String printed = first.tree("p").toString();
    GoTemplate second = GoTemplate.parse("p", definitions(first) + printed, NAMES);
    assertThat(second.tree("p").toString()).as(template).isEqualTo(printed);
    Object data = value(random, 0);
    assertThat(render(second, data)).as(template).isEqualTo(render(first, data));
    assertThat(render(first, data)).as("executing twice").isEqualTo(render(first, data));
  }

  private static String definitions(GoTemplate t) {
    StringBuilder b = new StringBuilder();
    for (String name : t.templateNames()) {
      if (!name.equals("p")) {
        b.append("{{define ").append(GoFmt.quote(name)).append("}}").append(t.tree(name)).append("{{end}}");
      }
    }
    return b.toString();
  }

  private static String render(GoTemplate t, Object data) {
    try {
      return t.execute(data, FUNCS, MissingKey.DEFAULT);
    } catch (TemplateException e) {
      // positions move when the tree is printed; the rest of the message must not
      return "error: " + e.getMessage().replaceAll("^template: p:\\d+:\\d+:", "template: p:");
    }
  }

  private static String shrink(String s, Predicate<String> fails) {
    String current = s;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int len = Math.max(1, current.length() / 2); len >= 1 && !progress; len /= 2) {
        for (int i = 0; i + len <= current.length(); i++) {
          String candidate = current.substring(0, i) + current.substring(i + len);
          if (fails.test(candidate)) {
            current = candidate;
            progress = true;
            break;
          }
        }
      }
    }
    return current;
  }

  private static String corrupt(Random r, String t) {
    StringBuilder b = new StringBuilder(t);
    int n = 1 + r.nextInt(3);
    String junk = "{}()|$.:=\"'`-/*0123456789 \nabc,";
    for (int i = 0; i < n && b.length() > 0; i++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(3)) {
        case 0:
          b.deleteCharAt(at);
          break;
        case 1:
          b.insert(at, junk.charAt(r.nextInt(junk.length())));
          break;
        default:
          b.setCharAt(at, junk.charAt(r.nextInt(junk.length())));
      }
    }
    return b.toString();
  }

  private static String text(Random r, int max) {
    String alphabet = "abc XYZ-_:{}\n\t日本é%\\\"'";
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(max);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  static Object value(Random r, int depth) {
    int k = r.nextInt(depth > 2 ? 6 : 8);
    switch (k) {
      case 0: return null;
      case 1: return "s" + r.nextInt(3);
      case 2: return (long) (r.nextInt(7) - 2);
      case 3: return r.nextInt(4) == 0 ? 0.0 : r.nextDouble() * 100;
      case 4: return r.nextBoolean();
      case 5: return r.nextInt(3) == 0 ? "" : "text";
      case 6: {
        List<Object> l = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          l.add(value(r, depth + 1));
        }
        return l;
      }
      default: {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          m.put(KEYS[r.nextInt(KEYS.length)], value(r, depth + 1));
        }
        return m;
      }
    }
  }

  /** A generator of templates from a grammar of Go's template language. */
  private static final class Gen {
    final Random r;
    final List<String> vars = new ArrayList<>(List.of("$"));
    int depth;
    int rangeDepth;
    int defines;

    Gen(Random r) {
      this.r = r;
    }

    String template() {
      StringBuilder b = new StringBuilder();
      if (r.nextInt(4) == 0) {
        defines++;
        b.append("{{define \"d").append(defines).append("\"}}");
        List<String> saved = new ArrayList<>(vars);
        vars.clear();
        vars.add("$");
        list(b, 3);
        vars.clear();
        vars.addAll(saved);
        b.append("{{end}}");
      }
      list(b, 5);
      return b.toString();
    }

    void list(StringBuilder b, int max) {
      int n = r.nextInt(max) + 1;
      for (int i = 0; i < n; i++) {
        item(b);
      }
    }

    String open() {
      return r.nextInt(5) == 0 ? "{{- " : r.nextBoolean() ? "{{ " : "{{";
    }

    String close() {
      return r.nextInt(5) == 0 ? " -}}" : r.nextBoolean() ? " }}" : "}}";
    }

    void item(StringBuilder b) {
      int k = depth > 3 ? r.nextInt(3) : r.nextInt(9);
      switch (k) {
        case 0:
          b.append(text(r, 8).replace("{", "").replace("}", ""));
          return;
        case 1:
          b.append(open()).append(pipeline()).append(close());
          return;
        case 2:
          b.append(open()).append("/* c */").append(close());
          return;
        case 3: {
          String v = "$v" + vars.size();
          b.append(open()).append(v).append(" := ").append(pipeline()).append(close());
          vars.add(v);
          return;
        }
        case 4: case 5: {
          String kw = k == 4 ? "if" : "with";
          int mark = vars.size();
          depth++;
          b.append(open()).append(kw).append(' ').append(pipeline()).append(close());
          list(b, 3);
          if (r.nextBoolean()) {
            b.append(open()).append(r.nextBoolean() ? "else" : "else " + kw + " " + pipeline()).append(close());
            list(b, 2);
          }
          b.append(open()).append("end").append(close());
          depth--;
          truncate(mark);
          return;
        }
        case 6: {
          int mark = vars.size();
          depth++;
          rangeDepth++;
          b.append(open()).append("range ");
          if (r.nextBoolean()) {
            String i = "$i" + vars.size();
            String e = "$e" + vars.size();
            b.append(i).append(", ").append(e).append(" := ");
            vars.add(i);
            vars.add(e);
          }
          b.append(r.nextInt(4) == 0 ? String.valueOf(r.nextInt(4)) : pipeline()).append(close());
          list(b, 3);
          if (r.nextBoolean()) {
            b.append(open()).append(r.nextBoolean() ? "break" : "continue").append(close());
          }
          rangeDepth--;
          if (r.nextBoolean()) {
            b.append("{{else}}");
            list(b, 2);
          }
          b.append("{{end}}");
          depth--;
          truncate(mark);
          return;
        }
        case 7:
          if (defines > 0) {
            b.append("{{template \"d").append(1 + r.nextInt(defines)).append("\" ").append(operand()).append("}}");
          } else {
            b.append("{{block \"blk\" .}}").append(text(r, 5).replace("{", "")).append("{{end}}");
          }
          return;
        default:
          b.append(open()).append(pipeline()).append(" | printf \"%v-%q\" ").append(operand()).append(close());
      }
    }

    void truncate(int mark) {
      while (vars.size() > mark) {
        vars.remove(vars.size() - 1);
      }
    }

    String pipeline() {
      StringBuilder b = new StringBuilder(command());
      if (r.nextInt(4) == 0) {
        b.append(" | ").append(r.nextBoolean() ? "print" : r.nextBoolean() ? "upper" : "len");
      }
      return b.toString();
    }

    String command() {
      switch (r.nextInt(10)) {
        case 0: return "eq " + operand() + " " + operand();
        case 1: return (r.nextBoolean() ? "and " : "or ") + operand() + " " + operand();
        case 2: return "not " + operand();
        case 3: return "index " + operand() + " " + operand();
        case 4: return "printf \"%d %s %v %5.2f\" " + operand() + " " + operand();
        case 5: return (r.nextBoolean() ? "lt " : "ge ") + operand() + " " + operand();
        case 6: return r.nextBoolean() ? "html " + operand() : "slice " + operand() + " " + r.nextInt(3);
        case 7: return "ns.Twice " + operand();
        default: return operand();
      }
    }

    String operand() {
      switch (r.nextInt(12)) {
        case 0: return ".";
        case 1: return "$";
        case 2: return vars.get(r.nextInt(vars.size()));
        case 3: return String.valueOf(r.nextInt(5) - 1);
        case 4: return "1.5";
        case 5: return "\"s" + r.nextInt(3) + "\"";
        case 6: return r.nextBoolean() ? "true" : "nil";
        case 7: return depth < 4 ? "(" + command() + ")" : ".a";
        case 8: return "'x'";
        default: {
          StringBuilder f = new StringBuilder();
          int n = 1 + r.nextInt(3);
          for (int i = 0; i < n; i++) {
            f.append('.').append(KEYS[r.nextInt(KEYS.length)]);
          }
          return f.toString();
        }
      }
    }
  }

  @SuppressWarnings("unused")
  private static List<String> keys() {
    return Arrays.asList(KEYS);
  }
}
