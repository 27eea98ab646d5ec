package dev.converge.yaml.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The engine feature by feature; expected outputs and messages are Go's. */
class GoTemplateTest {

  private static final Map<String, Object> DATA = data();

  private static Map<String, Object> data() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("stage", "dev");
    vars.put("n", 7L);
    vars.put("pi", 3.5);
    vars.put("on", true);
    vars.put("none", null);
    vars.put("list", List.of("a", "b", "c"));
    vars.put("map", Map.of("z", 1L, "a", 2L));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("vars", vars);
    d.put("empty", List.of());
    return d;
  }

  static String run(String text) {
    return run(text, DATA, MissingKey.DEFAULT);
  }

  static String run(String text, Object data, MissingKey mk) {
    return GoTemplate.parse("t", text, Set.of("upper", "strings", "fail")).execute(data, FUNCS, mk);
  }

  static final Map<String, TemplateFunction> FUNCS = Map.of(
      "upper", args -> ((String) args.get(args.size() - 1)).toUpperCase(java.util.Locale.ROOT),
      "strings", args -> Map.of("ToUpper", (TemplateFunction) a -> ((String) a.get(0)).toUpperCase(java.util.Locale.ROOT)),
      "fail", args -> {
        throw new TemplateException(String.valueOf(args.get(0)));
      });

  @Nested
  class Text {
    @Test
    void execute_textOnly_isTheText() {
      assertThat(run("plain text { } }}")).isEqualTo("plain text { } }}");
      assertThat(GoTemplate.hasActions("a {{ b")).isTrue();
      assertThat(GoTemplate.hasActions("a { b")).isFalse();
    }

    @Test
    void execute_trimMarkers_removeSpacesAround() {
      assertThat(run("a  \n {{- .vars.stage -}} \n b")).isEqualTo("adevb");
      assertThat(run("{{- 3 }} {{-3}}")).isEqualTo("3 -3");
    }

    @Test
    void execute_comments_dropped() {
      assertThat(run("a{{/* c */}}b {{- /* c */ -}} c")).isEqualTo("abc");
    }
  }

  @Nested
  class Fields {
    @Test
    void execute_fieldsAndValues_printedAsGoPrintsThem() {
      assertThat(run("{{.vars.stage}} {{.vars.n}} {{.vars.pi}} {{.vars.on}} {{.vars.list}} {{.vars.map}}"))
          .isEqualTo("dev 7 3.5 true [a b c] map[a:2 z:1]");
    }

    @Test
    void execute_missingKey_byOption() {
      assertThat(run("{{.vars.nope}}")).isEqualTo("<no value>");
      // golang/go#24963: missingkey=zero on map[string]interface {} gives a nil interface, printed <no value>
      assertThat(run("{{.vars.nope}}", DATA, MissingKey.ZERO)).isEqualTo("<no value>");
      assertThat(run("{{print .vars.nope}}", DATA, MissingKey.ZERO)).isEqualTo("<nil>");
      assertThatThrownBy(() -> run("{{.vars.nope.x}}", DATA, MissingKey.ZERO))
          .hasMessageEndingWith("nil pointer evaluating interface {}.x");
      assertThat(run("{{.vars.none}}")).isEqualTo("<no value>");
      assertThat(run("{{.vars.nope.deeper}}")).isEqualTo("<no value>");
      assertThatThrownBy(() -> run("x\n {{.vars.nope}}", DATA, MissingKey.ERROR))
          .isInstanceOf(TemplateException.class)
          .hasMessage("template: t:2:8: executing \"t\" at <.vars.nope>: map has no entry for key \"nope\"");
    }

    @Test
    void execute_fieldOfNil_isError() {
      assertThatThrownBy(() -> run("{{.vars.none.x}}"))
          .hasMessageEndingWith("nil pointer evaluating interface {}.x");
      assertThatThrownBy(() -> run("{{.vars.stage.x}}"))
          .hasMessageEndingWith("can't evaluate field x in type interface {}");
      assertThatThrownBy(() -> run("{{$s := .vars.stage}}{{$s.x}}"))
          .hasMessageEndingWith("can't evaluate field x in type string");
      assertThatThrownBy(() -> run("{{range .vars.list}}{{.x}}{{end}}"))
          .hasMessageEndingWith("can't evaluate field x in type interface {}");
      assertThatThrownBy(() -> run("{{range $i, $e := .vars.list}}{{$e.x}}{{end}}"))
          .hasMessageEndingWith("can't evaluate field x in type interface {}");
      assertThatThrownBy(() -> run("{{range .vars.list}}{{with .}}{{.x}}{{end}}{{end}}"))
          .hasMessageEndingWith("can't evaluate field x in type string");
      assertThatThrownBy(() -> run("{{range 2}}{{.x}}{{end}}"))
          .hasMessageEndingWith("can't evaluate field x in type int");
    }

    @Test
    void execute_namespaceFunction_calledAsMethod() {
      assertThat(run("{{ strings.ToUpper \"x\" }} {{ \"y\" | strings.ToUpper }}")).isEqualTo("X Y");
    }

    @Test
    void execute_chainOnParenthesisedPipeline() {
      assertThat(run("{{ (index .vars \"map\").z }}")).isEqualTo("1");
    }
  }

  @Nested
  class Control {
    @Test
    void execute_ifElseIfElse() {
      assertThat(run("{{if .vars.none}}a{{else if .vars.on}}b{{else}}c{{end}}")).isEqualTo("b");
      assertThat(run("{{if .empty}}a{{else}}c{{end}}")).isEqualTo("c");
    }

    @Test
    void execute_withElseWith() {
      assertThat(run("{{with .vars.nope}}a{{else with .vars.stage}}{{.}}{{end}}")).isEqualTo("dev");
    }

    @Test
    void execute_range_listsMapsIntsBreakContinue() {
      assertThat(run("{{range $i, $v := .vars.list}}{{$i}}={{$v}};{{end}}")).isEqualTo("0=a;1=b;2=c;");
      assertThat(run("{{range $k, $v := .vars.map}}{{$k}}={{$v}};{{end}}")).isEqualTo("a=2;z=1;");
      assertThat(run("{{range 3}}{{.}}{{end}}")).isEqualTo("012");
      assertThat(run("{{range .vars.list}}{{if eq . \"b\"}}{{continue}}{{end}}{{if eq . \"c\"}}{{break}}{{end}}{{.}}{{end}}"))
          .isEqualTo("a");
      assertThat(run("{{range .empty}}x{{else}}none{{end}}")).isEqualTo("none");
    }

    @Test
    void execute_variables_declareAndAssign() {
      assertThat(run("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}")).isEqualTo("2");
      assertThat(run("{{$}}", "root", MissingKey.DEFAULT)).isEqualTo("root");
    }

    @Test
    void execute_defineTemplateBlock() {
      assertThat(run("{{define \"x\"}}[{{.}}]{{end}}{{template \"x\" .vars.stage}}{{block \"b\" 1}}<{{.}}>{{end}}"))
          .isEqualTo("[dev]<1>");
    }

    @Test
    void execute_recursiveTemplate_boundedDepth() {
      assertThatThrownBy(() -> run("{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}"))
          .isInstanceOf(TemplateException.class)
          .hasMessageContaining("exceeded maximum template depth (" + Execution.MAX_TEMPLATE_DEPTH + ")");
    }
  }

  @Nested
  class Builtin {
    @Test
    void execute_logicAndComparison() {
      assertThat(run("{{and 1 0 2}} {{or 0 \"\" \"x\"}} {{not 0}} {{and 1 2}}")).isEqualTo("0 x true 2");
      assertThat(run("{{eq 1 2 3 1}} {{ne \"a\" \"b\"}} {{lt 1 2}} {{le 2 2}} {{gt 1.5 2.5}} {{ge \"b\" \"a\"}}"))
          .isEqualTo("true true true true false true");
      assertThat(run("{{ or .vars.stage (fail \"not evaluated\") }} {{ and 0 (fail \"not evaluated\") }}"))
          .isEqualTo("dev 0");
    }

    @Test
    void execute_comparisonOfIntAndFloat_isError() {
      assertThatThrownBy(() -> run("{{eq 1 1.0}}"))
          .hasMessage("template: t:1:2: executing \"t\" at <eq 1 1.0>: error calling eq: incompatible types for comparison");
    }

    @Test
    void execute_lenIndexSlice() {
      assertThat(run("{{len .vars.list}} {{index .vars.list 1}} {{index .vars \"map\" \"z\"}} {{slice .vars.list 1 2}} {{slice \"hello\" 1 3}}"))
          .isEqualTo("3 b 1 [b] el");
      assertThatThrownBy(() -> run("{{index .vars.list 5}}")).hasMessageEndingWith("error calling index: index out of range: 5");
    }

    @Test
    void execute_printFamily() {
      assertThat(run("{{print 1 2 \"a\"}}|{{printf \"%05.1f-%s\" .vars.pi .vars.stage}}|{{println \"x\" 1}}"))
          .isEqualTo("1 2a|003.5-dev|x 1\n");
      assertThat(run("{{printf \"%d\" \"x\"}}")).isEqualTo("%!d(string=x)");
    }

    @Test
    void execute_escapers() {
      assertThat(run("{{html \"<a href='x'>&\"}} {{js \"it's <b>\"}} {{urlquery \"a b&c\"}} {{html .vars.nope}}"))
          .isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp; it\\'s \\u003Cb\\u003E a+b%26c &lt;no value&gt;");
    }

    @Test
    void execute_functionsFromFuncMap_pipedValueLast() {
      assertThat(run("{{ .vars.stage | upper }}")).isEqualTo("DEV");
      assertThatThrownBy(() -> run("{{ fail \"boom\" }}"))
          .hasMessage("template: t:1:3: executing \"t\" at <fail \"boom\">: error calling fail: boom");
    }

    @Test
    void execute_functionRefusingArguments_placedAsGoPlacesItsOwnChecks() {
      Map<String, TemplateFunction> funcs = Map.of("up", a -> {
        if (a.size() != 1) {
          throw new TemplateException("wrong number of args for up: want 1 got " + a.size());
        }
        if (!(a.get(0) instanceof String)) {
          throw TemplateException.wrongArgumentType(0, "string");
        }
        return a.get(0);
      });
      java.util.function.Function<String, String> up = text ->
          GoTemplate.parse("t", text, Set.of("up")).execute(DATA, funcs, MissingKey.ERROR);

      assertThatThrownBy(() -> up.apply("{{ up 3 }}"))
          .hasMessage("template: t:1:6: executing \"t\" at <3>: expected string; found 3");
      assertThatThrownBy(() -> up.apply("{{ up .vars.n }}"))
          .hasMessageEndingWith("executing \"t\" at <.vars.n>: wrong type for value; expected string; got int");
      assertThatThrownBy(() -> up.apply("{{ up nil }}")).hasMessageEndingWith("at <nil>: cannot assign nil to string");
      assertThatThrownBy(() -> up.apply("{{ 1 | up }}")).hasMessageEndingWith("wrong type for value; expected string; got int");
      assertThatThrownBy(() -> up.apply("{{ up 1 2 }}"))
          .hasMessage("template: t:1:3: executing \"t\" at <up>: wrong number of args for up: want 1 got 2");
      assertThat(TemplateException.wrongArgumentType(1, "int")).hasMessage("wrong type for argument 1; expected int");
    }

    @Test
    void execute_call_callsAFunctionValue() {
      TemplateFunction f = a -> "called " + a;
      Map<String, TemplateFunction> funcs = Map.of("mk", a -> f);
      assertThat(GoTemplate.parse("t", "{{call (mk) 1 \"x\"}}", Set.of("mk")).execute(null, funcs, MissingKey.DEFAULT))
          .isEqualTo("called [1, x]");
      assertThatThrownBy(() -> run("{{call .vars.stage}}"))
          .hasMessageEndingWith("error calling call: non-function .vars.stage of type string");
    }
  }

  @Nested
  class ParseErrors {
    @Test
    void parse_errorsInGoWords() {
      assertThatThrownBy(() -> run("{{ .foo }")).hasMessage("template: t:1: unexpected \"}\" in operand");
      assertThatThrownBy(() -> run("{{nofunc 1}}")).hasMessage("template: t:1: function \"nofunc\" not defined");
      assertThatThrownBy(() -> run("a\n{{if true}}")).hasMessage("template: t:2: unexpected EOF");
      assertThatThrownBy(() -> run("{{$x}}")).hasMessage("template: t:1: undefined variable \"$x\"");
      assertThatThrownBy(() -> run("{{end}}")).hasMessage("template: t:1: unexpected {{end}}");
      assertThatThrownBy(() -> run("{{break}}")).hasMessage("template: t:1: {{break}} outside {{range}}");
      assertThatThrownBy(() -> run("{{}}")).hasMessage("template: t:1: missing value for command");
      assertThatThrownBy(() -> run("{{ .a")).hasMessage("template: t:1: unclosed action");
      assertThatThrownBy(() -> run("{{ 1i }}")).isInstanceOf(TemplateException.class);
    }

    @Test
    void parse_deepNesting_refusedNotOverflowed() {
      String deep = "{{" + "(".repeat(5000) + "1" + ")".repeat(5000) + "}}";
      assertThatThrownBy(() -> run(deep)).isInstanceOf(TemplateException.class)
          .hasMessageContaining("max expression depth exceeded");
    }
  }

  @Nested
  class Bounds {
    @Test
    void execute_hugeOutput_endsWithTemplateException() {
      assertThatThrownBy(() -> run("{{range 3000}}{{printf \"%5000s\" \"\"}}{{end}}"))
          .isInstanceOf(TemplateException.class)
          .hasMessage("template: t: output exceeds " + Execution.MAX_OUTPUT + " characters");
    }

    @Test
    void execute_endlessRange_endsWithTemplateException() {
      assertThatThrownBy(() -> run("{{range 9223372036854775807}}{{end}}"))
          .isInstanceOf(TemplateException.class)
          .hasMessageEndingWith("execution exceeds " + Execution.MAX_STEPS + " steps");
    }

    @Test
    void execute_fromManyThreads_sameOutput() throws Exception {
      GoTemplate t = GoTemplate.parse("t", "{{range $k, $v := .vars.map}}{{$k}}{{$v}}{{end}}-{{len .vars.list}}", Set.of());
      String expected = t.execute(DATA, Map.of(), MissingKey.ERROR);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
          results.add(pool.submit(() -> {
            for (int k = 0; k < 2000; k++) {
              if (!t.execute(DATA, Map.of(), MissingKey.ERROR).equals(expected)) {
                return false;
              }
            }
            return true;
          }));
        }
        for (java.util.concurrent.Future<Boolean> f : results) {
          assertThat(f.get()).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(expected).isEqualTo("a2z1-3");
    }
  }

  @Test
  void named_sharesTheTreeAndNamesTheNewTemplateInErrors() {
    GoTemplate first = GoTemplate.parse("a.yaml", "x{{.vars.nope}}", Set.of());
    GoTemplate second = first.named("b.yaml");

    assertThat(second.execute(DATA, Map.of(), MissingKey.DEFAULT)).isEqualTo("x<no value>");
    assertThatThrownBy(() -> second.execute(DATA, Map.of(), MissingKey.ERROR))
        .hasMessage("template: b.yaml:1:8: executing \"b.yaml\" at <.vars.nope>: map has no entry for key \"nope\"");
    GoTemplate withDefine = GoTemplate.parse("a.yaml", "{{define \"d\"}}{{.}}{{end}}{{template \"d\" 1}}", Set.of());
    assertThat(withDefine.named("b.yaml").templateNames()).containsExactlyInAnyOrder("d", "b.yaml");
    assertThat(withDefine.named("b.yaml").execute(null, Map.of(), MissingKey.ERROR)).isEqualTo("1");
  }

  @Test
  void execute_listWithNull_printsNil() {
    assertThat(run("{{.}}", Arrays.asList(1L, null), MissingKey.DEFAULT)).isEqualTo("[1 <nil>]");
  }
}
