package dev.converge.yaml.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Go's own text/template tests, transcribed into {@code go-text-template/exec.yaml} and
 * {@code parse.yaml}: every case that applies to YAML values runs and must give Go's output or
 * Go's error; the cases that need Go's typed data are listed there with their reason and counted
 * here, never run. The test prints how many ran, passed and were listed as not applicable.
 */
class GoConformanceTest {

  /** The test functions Go's table registers (testExecute's FuncMap), over the value model. */
  static final Map<String, TemplateFunction> FUNCS = testFunctions();

  private static Map<String, TemplateFunction> testFunctions() {
    Map<String, TemplateFunction> f = new LinkedHashMap<>();
    f.put("add", args -> {
      long sum = 0;
      for (Object a : args) {
        sum += ((Number) a).longValue();
      }
      return sum;
    });
    f.put("die", args -> {
      throw new TemplateException("die");
    });
    f.put("echo", args -> args.get(0));
    f.put("makemap", args -> {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i + 1 < args.size(); i += 2) {
        m.put((String) args.get(i), args.get(i + 1));
      }
      return m;
    });
    f.put("mapOfThree", args -> Map.of("three", 3L));
    f.put("zeroArgs", args -> "zeroArgs");
    f.put("typeOf", args -> GoValues.typeName(args.get(0)));
    f.put("oneArg", args -> "oneArg=" + string(args, 0));
    f.put("twoArgs", args -> "twoArgs=" + string(args, 0) + string(args, 1));
    f.put("valueString", args -> {
      string(args, 0);
      return "value is ignored";
    });
    f.put("dddArg", args -> {
      if (!(args.get(0) instanceof Long)) {
        throw TemplateException.wrongArgumentType(0, "int");
      }
      List<Object> rest = new ArrayList<>();
      for (int i = 1; i < args.size(); i++) {
        rest.add(string(args, i));
      }
      return GoFmt.sprintln(List.of(args.get(0), rest));
    });
    f.put("returnInt", args -> 7L);
    return f;
  }

  /** A string parameter, as Go's typed test functions declare it. */
  private static String string(List<Object> args, int i) {
    if (!(args.get(i) instanceof String)) {
      throw TemplateException.wrongArgumentType(i, "string");
    }
    return (String) args.get(i);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cases(String resource) throws IOException {
    try (InputStream in = GoConformanceTest.class.getResourceAsStream("/go-text-template/" + resource)) {
      Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().setMaxAliasesForCollections(1000).build()).loadFromInputStream(in);
      return (List<Map<String, Object>>) doc.get("cases");
    }
  }

  @Test
  void execTable_everyApplicableCase_asGoGivesIt() throws IOException {
    Tally tally = new Tally("exec.yaml");
    @SuppressWarnings("unchecked")
    Map<String, Object> cmpData = (Map<String, Object>) loadDoc("exec.yaml").get("cmp");
    for (Map<String, Object> c : cases("exec.yaml")) {
      String name;
      String text;
      Object data;
      Object expected;
      if (c.containsKey("cmp")) {
        name = "cmp: " + c.get("cmp");
        text = "{{if " + c.get("cmp") + "}}true{{else}}false{{end}}";
        data = cmpData;
        expected = c.get("truth");
      } else {
        name = (String) c.get("name");
        text = (String) c.get("template");
        data = c.get("data");
        expected = c.get("output");
      }
      if (c.containsKey("skip")) {
        tally.skipped++;
        continue;
      }
      String templateName = (String) c.getOrDefault("parse_name", name);
      MissingKey mk = MissingKey.valueOf(((String) c.getOrDefault("missingkey", "default")).toUpperCase(Locale.ROOT));
      @SuppressWarnings("unchecked")
      List<String> delims = (List<String>) c.getOrDefault("delims", List.of("", ""));
      String execute = (String) c.getOrDefault("execute", templateName);
      tally.check(name, text, c.get("error"), expected, () -> GoTemplate
          .parse(templateName, text, FUNCS.keySet(), delims.get(0), delims.get(1))
          .execute(execute, data, FUNCS, mk));
    }
    tally.finish();
  }

  @Test
  void parseTable_everyApplicableCase_asGoGivesIt() throws IOException {
    Tally tally = new Tally("parse.yaml");
    for (Map<String, Object> c : cases("parse.yaml")) {
      String name = (String) c.get("name");
      if (c.containsKey("skip")) {
        tally.skipped++;
        continue;
      }
      String text = (String) c.get("template");
      tally.check(name, text, c.get("error"), c.get("tree"), () -> {
        GoTemplate t = GoTemplate.parse(name, text, java.util.Set.of("contains"));
        return c.containsKey("tree") ? tree(t) : "";
      });
    }
    tally.finish();
  }

  /** Go's parse test prints the tree with String(); here the top-level template's. */
  private static String tree(GoTemplate t) {
    return t.tree(t.name()).quotedString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> loadDoc(String resource) throws IOException {
    try (InputStream in = GoConformanceTest.class.getResourceAsStream("/go-text-template/" + resource)) {
      return (Map<String, Object>) new Load(LoadSettings.builder().setMaxAliasesForCollections(1000).build()).loadFromInputStream(in);
    }
  }

  interface Run {
    String run();
  }

  private static final class Tally {
    final String table;
    int passed;
    int skipped;
    final List<String> failures = new ArrayList<>();

    Tally(String table) {
      this.table = table;
    }

    void check(String name, String text, Object error, Object expected, Run run) {
      try {
        String out = run.run();
        if (error != null) {
          failures.add(name + ": expected an error containing [" + error + "], got output [" + out + "]  template: " + text);
        } else if (expected != null && !String.valueOf(expected).equals(out)) {
          failures.add(name + ": expected [" + expected + "], got [" + out + "]  template: " + text);
        } else {
          passed++;
        }
      } catch (TemplateException e) {
        if (error == null) {
          failures.add(name + ": unexpected error " + e.getMessage() + "  template: " + text);
        } else if (!e.getMessage().contains(String.valueOf(error))) {
          failures.add(name + ": expected an error containing [" + error + "], got [" + e.getMessage() + "]");
        } else {
          passed++;
        }
      }
    }

    void finish() {
      System.out.printf("Go text/template %s: %d of %d applicable cases pass; %d cases listed as not applicable%n",
          table, passed, passed + failures.size(), skipped);
      failures.forEach(f -> System.out.println("  FAIL " + f));
      assertThat(failures).as("failing cases of " + table).isEmpty();
      assertThat(passed).as("cases run from " + table).isGreaterThan(0);
    }
  }
}
