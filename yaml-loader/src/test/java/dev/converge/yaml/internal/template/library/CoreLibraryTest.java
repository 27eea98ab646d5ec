package dev.converge.yaml.internal.template.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.yaml.internal.template.GoTemplate;
import dev.converge.yaml.internal.template.MissingKey;
import dev.converge.yaml.internal.template.TemplateException;
import dev.converge.yaml.internal.template.TemplateFunction;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The library through real templates. Expected outputs are Sprig's documented examples
 * ({@code masterminds.github.io/sprig}) and Go's own results where Sprig documents none.
 */
class CoreLibraryTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final Map<String, TemplateFunction> FUNCTIONS =
      CoreLibrary.functions(NOW, Map.of("HOME", "/home/ci", "SET", "yes"), true, true);

  private static String render(String template) {
    return GoTemplate.parse("t", template, FUNCTIONS.keySet())
        .execute(Map.of("vars", Map.of("stage", "dev", "n", 7L)), FUNCTIONS, MissingKey.DEFAULT);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
      "{{ \"hello\" | upper }}¦HELLO",
      "{{ title \"hello world\" }}¦Hello World",
      "{{ trim \"   hello    \" }}¦hello",
      "{{ trimSuffix \"-\" \"hello-\" }}¦hello",
      "{{ trimPrefix \"-\" \"-hello\" }}¦hello",
      "{{ trimAll \"$\" \"$5.00$\" }}¦5.00",
      "{{ repeat 3 \"hello\" }}¦hellohellohello",
      "{{ substr 0 5 \"hello world\" }}¦hello",
      "{{ nospace \"hello w o r l d\" }}¦helloworld",
      "{{ trunc 5 \"hello world\" }}¦hello",
      "{{ trunc -5 \"hello world\" }}¦world",
      "{{ contains \"cat\" \"catch\" }}¦true",
      "{{ hasPrefix \"cat\" \"catch\" }}¦true",
      "{{ cat \"hello\" \"beautiful\" \"world\" }}¦hello beautiful world",
      "`{{ indent 4 \"hello\" }}`¦`    hello`",
      "{{ replace \" \" \"-\" \"I Am Henry VIII\" }}¦I-Am-Henry-VIII",
      "{{ snakecase \"FirstName\" }}¦first_name",
      "{{ kebabcase \"FirstName\" }}¦first-name",
      "{{ camelcase \"http_server\" }}¦HttpServer",
      "{{ regexFindAll \"[2,4,6,8]\" \"123456789\" -1 }}¦[2 4 6 8]",
      "{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }}¦-W-xxW-",
      "{{ regexReplaceAllLiteral \"a(x*)b\" \"-ab-axxb-\" \"${1}\" }}¦-${1}-${1}-",
      "{{ regexSplit \"z+\" \"pizza\" -1 }}¦[pi a]",
      "{{ regexMatch \"^[a-z]+$\" \"abc\" }}¦true",
      "{{ default \"foo\" .Bar }}¦foo",
      "{{ default \"foo\" .vars.stage }}¦dev",
      "{{ .vars.missing | default \"fallback\" }}¦fallback",
      "{{ coalesce 0 1 2 }}¦1",
      "{{ ternary \"foo\" \"bar\" true }}¦foo",
      "{{ empty \"\" }}¦true",
      "{{ list \"a\" \"b\" | join \"-\" }}¦a-b",
      "{{ splitList \"$\" \"foo$bar$baz\" }}¦[foo bar baz]",
      "{{ $a := split \"$\" \"foo$bar$baz\" }}{{ $a._0 }}¦foo",
      "{{ first (list 1 2 3) }}¦1",
      "{{ rest (list 1 2 3) }}¦[2 3]",
      "{{ last (list 1 2 3) }}¦3",
      "{{ initial (list 1 2 3) }}¦[1 2]",
      "{{ append (list 1 2) 3 }}¦[1 2 3]",
      "{{ prepend (list 1 2) 0 }}¦[0 1 2]",
      "{{ concat (list 1 2) (list 3) }}¦[1 2 3]",
      "{{ reverse (list 1 2 3) }}¦[3 2 1]",
      "{{ uniq (list 1 1 2) }}¦[1 2]",
      "{{ without (list 1 2 3) 2 }}¦[1 3]",
      "{{ has 4 (list 1 2 3 4) }}¦true",
      "{{ compact (list 1 \"\" 2) }}¦[1 2]",
      "{{ until 3 }}¦[0 1 2]",
      "{{ sortAlpha (list \"b\" \"a\") }}¦[a b]",
      "{{ $d := dict \"name1\" \"value1\" \"name2\" \"value2\" }}{{ get $d \"name1\" }}¦value1",
      "{{ $d := dict \"a\" 1 }}{{ hasKey $d \"a\" }}¦true",
      "{{ keys (dict \"b\" 1 \"a\" 2) }}¦[a b]",
      "{{ pick (dict \"a\" 1 \"b\" 2) \"a\" }}¦map[a:1]",
      "{{ omit (dict \"a\" 1 \"b\" 2) \"a\" }}¦map[b:2]",
      "{{ merge (dict \"a\" 1) (dict \"a\" 2 \"b\" 3) }}¦map[a:1 b:3]",
      "{{ mergeOverwrite (dict \"a\" 1) (dict \"a\" 2 \"b\" 3) }}¦map[a:2 b:3]",
      "{{ dig \"user\" \"role\" \"guest\" (dict \"user\" (dict \"role\" \"admin\")) }}¦admin",
      "{{ dig \"user\" \"name\" \"guest\" (dict \"user\" (dict \"role\" \"admin\")) }}¦guest",
      "{{ add 1 2 3 }}¦6",
      "{{ sub 3 2 }}¦1",
      "{{ mul 2 3 }}¦6",
      "{{ div 7 2 }}¦3",
      "{{ mod 7 2 }}¦1",
      "{{ max 1 5 3 }}¦5",
      "{{ add1 .vars.n }}¦8",
      "{{ int \"42\" }}¦42",
      "{{ b64enc \"hello\" }}¦aGVsbG8=",
      "{{ b64dec \"aGVsbG8=\" }}¦hello",
      "{{ sha256sum \"Hello world!\" }}¦c0535e4be2b79ffd93291305436bf889314e4a3faec05ecffcbb7df31ad9e51a",
      "{{ toJson (dict \"b\" (list \"<x>\") \"a\" 1.5) }}¦{\"a\":1.5,\"b\":[\"\\u003cx\\u003e\"]}",
      "{{ toRawJson (dict \"b\" (list \"<x>\")) }}¦{\"b\":[\"<x>\"]}",
      "{{ (fromJson \"{\\\"a\\\": [1, 2]}\").a }}¦[1 2]",
      "{{ quote \"a\" }}¦\"a\"",
      "{{ squote \"a\" }}¦'a'",
      "{{ toString 12 }}¦12",
      "{{ typeOf .vars.n }}¦int",
      "{{ kindIs \"map\" .vars }}¦true",
      "{{ env \"HOME\" }}¦/home/ci",
      "{{ env \"UNSET\" }}¦''",
      "{{ expandenv \"home is $HOME, ${SET}\" }}¦home is /home/ci, yes",
      "{{ now | unixEpoch }}¦1795773600",
      "{{ strings.ToUpper .vars.stage }}¦DEV",
      "{{ strings.TrimPrefix \"d\" .vars.stage }}¦ev",
      "{{ env.Getenv \"UNSET\" \"fallback\" }}¦fallback",
      "{{ env.Getenv \"SET\" }}¦yes",
      "{{ getenv \"HOME\" }}¦/home/ci",
      "{{ conv.ToInt \"12\" | add 1 }}¦13",
      "{{ conv.Join (list \"a\" \"b\") \",\" }}¦a,b",
      "{{ coll.Has (coll.Slice 1 2) 2 }}¦true",
      "{{ coll.Keys (dict \"b\" 1 \"a\" 2) }}¦[a b]",
      "{{ coll.Append 3 (coll.Slice 1 2) }}¦[1 2 3]",
      "{{ coll.Flatten (list 1 (list 2 (list 3))) }}¦[1 2 3]",
      "{{ coll.Flatten 1 (list 1 (list 2 (list 3))) }}¦[1 2 [3]]",
      "{{ math.Add 1 2 3 }}¦6",
      "{{ math.Add 1 2.5 }}¦3.5",
      "{{ math.Sub 5 7 }}¦-2",
      "{{ math.Div 7 2 }}¦3.5",
      "{{ math.Max 1 9 3 }}¦9",
      "{{ math.Seq 3 }}¦[1 2 3]",
      "{{ math.Seq 5 1 2 }}¦[]",
      "{{ math.Seq 5 1 -2 }}¦[5 3 1]",
      "{{ data.ToJSON (dict \"a\" \"<b>\") }}¦{\"a\":\"<b>\"}",
      "{{ (data.JSON \"{\\\"a\\\": 2}\").a }}¦2",
  })
  void function_givesSprigsAndGomplatesResult(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected.equals("''") ? "" : expected);
  }

  /**
   * Sprig's date functions over the injected {@code now} (2026-11-27T10:00:00Z, a Friday); Go's
   * Local zone is UTC here. Examples from Sprig's date documentation where it gives one
   * ({@code toDate}, {@code duration "95"}, {@code durationRound "2h10m5s"}), Go's results otherwise.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
      "{{ now }}¦2026-11-27 10:00:00 +0000 UTC",
      "{{ typeOf now }}¦time.Time",
      "{{ printf \"%v|%s\" now now }}¦2026-11-27 10:00:00 +0000 UTC|2026-11-27 10:00:00 +0000 UTC",
      "{{ now | date \"2006-01-02\" }}¦2026-11-27",
      "{{ date \"Monday, January 2, 2006 3:04 PM\" now }}¦Friday, November 27, 2026 10:00 AM",
      "{{ date \"Mon Jan _2 15:04:05.000 MST 2006\" now }}¦Fri Nov 27 10:00:00.000 UTC 2026",
      "{{ date \"2006-01-02T15:04:05Z07:00\" 0 }}¦1970-01-01T00:00:00Z",
      "{{ date \"02/01/06 03pm\" 1700000000 }}¦14/11/23 10pm",
      "{{ dateInZone \"2006-01-02 15:04 MST -07:00\" now \"America/New_York\" }}¦2026-11-27 05:00 EST -05:00",
      "{{ dateInZone \"2006-01-02 15:04\" now \"Not/AZone\" }}¦2026-11-27 10:00",
      "{{ htmlDate now }}¦2026-11-27",
      "{{ htmlDateInZone now \"Asia/Tokyo\" }}¦2026-11-27",
      "{{ toDate \"2006-01-02\" \"2017-12-31\" | date \"02/01/2006\" }}¦31/12/2017",
      "{{ toDate \"2006-01-02T15:04:05.000Z07:00\" \"2024-02-29T23:59:58.120+02:00\" | date \"2006-01-02 15:04:05.999\" }}¦2024-02-29 21:59:58.12",
      "{{ toDate \"2006-01-02\" \"not a date\" }}¦0001-01-01 00:00:00 +0000 UTC",
      "{{ now | dateModify \"-1.5h\" }}¦2026-11-27 08:30:00 +0000 UTC",
      "{{ now | dateModify \"+24h\" | date \"Jan 2\" }}¦Nov 28",
      "{{ now | dateModify \"nonsense\" }}¦2026-11-27 10:00:00 +0000 UTC",
      "{{ duration \"95\" }}¦1m35s",
      "{{ duration 3600 }}¦1h0m0s",
      "{{ duration \"abc\" }}¦0s",
      "{{ durationRound \"2h10m5s\" }}¦2h",
      "{{ durationRound \"400h\" }}¦16d",
      "{{ durationRound \"1500ms\" }}¦1s",
      "{{ durationRound (toDate \"2006-01-02\" \"2025-11-01\") }}¦1y",
      "{{ ago now }}¦0s",
      "{{ now | dateModify \"-90m\" | ago }}¦1h30m0s",
      "{{ ago (now | dateModify \"-1500ms\") }}¦2s",
      "{{ toDate \"2006-01-02\" \"2026-11-20\" | unixEpoch }}¦1795132800",
  })
  void dateFunction_givesSprigsResult_overTheInjectedNow(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  /**
   * {@code toYaml}/{@code fromYaml} as Helm prints and reads YAML, Sprig's {@code semver} and
   * {@code semverCompare} (Masterminds/semver v3 constraints, examples from its README), the
   * {@code must*} variants and {@code b64enc}/{@code b64dec}.
   * A key or string that YAML 1.1 reads as a boolean ({@code y}, {@code yes}, {@code on}) is quoted, as
   * go-yaml v2 quotes it.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
      "`{{ toYaml (dict \"b\" (list 1 \"two\") \"a\" (dict \"y\" true \"x\" \"1\") \"c\" (list)) }}`¦`a:\n  x: \"1\"\n  \"y\": true\nb:\n- 1\n- two\nc: []`",
      "`{{ toYaml (list (dict \"name\" \"web\" \"port\" 80) (list \"a\" \"b\")) }}`¦`- name: web\n  port: 80\n- - a\n  - b`",
      "{{ toYaml \"yes\" }}¦\"yes\"",
      "{{ toYaml \"plain text\" }}¦plain text",
      "{{ toYaml \"a: b\" }}¦\"a: b\"",
      "{{ toYaml 1.5 }}¦1.5",
      "{{ mustToYaml (dict) }}¦{}",
      "{{ (fromYaml \"a: 1\\nb: [x, y]\").b }}¦[x y]",
      "{{ (fromYaml \"- 1\").Error }}¦error unmarshaling JSON: json: cannot unmarshal array into Go value of type map[string]interface {}",
      "{{ fromYamlArray \"[1, 2]\" }}¦[1 2]",
      "{{ (semver \"1.2.3-alpha.1+123\").Major }}¦1",
      "{{ (semver \"v1.2\").Minor }}¦2",
      "{{ (semver \"1.2.3-alpha.1+123\").Prerelease }}¦alpha.1",
      "{{ (semver \"1.2.3-alpha.1+123\").Metadata }}¦123",
      "{{ semverCompare \"1.2.3\" \"1.2.3\" }}¦true",
      "{{ semverCompare \"^1.2.0\" \"1.2.3\" }}¦true",
      "{{ semverCompare \"^1.2.0\" \"2.0.0\" }}¦false",
      "{{ semverCompare \"^0.2.3\" \"0.2.9\" }}¦true",
      "{{ semverCompare \"^0.2.3\" \"0.3.0\" }}¦false",
      "{{ semverCompare \"^0.0.3\" \"0.0.4\" }}¦false",
      "{{ semverCompare \"~1.2.3\" \"1.2.9\" }}¦true",
      "{{ semverCompare \"~1.2.3\" \"1.3.0\" }}¦false",
      "{{ semverCompare \"~1\" \"1.9.0\" }}¦true",
      "{{ semverCompare \"1.2.x\" \"1.2.7\" }}¦true",
      "{{ semverCompare \"1.2.x\" \"1.3.0\" }}¦false",
      "{{ semverCompare \"*\" \"4.5.6\" }}¦true",
      "{{ semverCompare \">= 1.2, < 3.0.0 || >= 4.2.3\" \"2.5.0\" }}¦true",
      "{{ semverCompare \">= 1.2, < 3.0.0 || >= 4.2.3\" \"3.5.0\" }}¦false",
      "{{ semverCompare \">= 1.2, < 3.0.0 || >= 4.2.3\" \"4.2.3\" }}¦true",
      "{{ semverCompare \"1.2 - 1.4.5\" \"1.4.5\" }}¦true",
      "{{ semverCompare \"1.2 - 1.4.5\" \"1.4.6\" }}¦false",
      "{{ semverCompare \">1.2\" \"1.2.5\" }}¦false",
      "{{ semverCompare \">1.2\" \"1.3.0\" }}¦true",
      "{{ semverCompare \"<=1.2\" \"1.2.9\" }}¦true",
      "{{ semverCompare \"!=1.2.3\" \"1.2.4\" }}¦true",
      "{{ semverCompare \">=1.2.0\" \"1.3.0-beta.1\" }}¦false",
      "{{ semverCompare \">=1.2.0-0\" \"1.3.0-beta.1\" }}¦true",
      "{{ semverCompare \">1.0.0-alpha.1\" \"1.0.0-alpha.beta\" }}¦true",
      "{{ semverCompare \"<1.0.0\" \"1.0.0-rc.1\" }}¦false",
      "{{ mustToJson (list 1) }}¦[1]",
      "{{ mustRegexMatch \"^a\" \"abc\" }}¦true",
      "{{ mustFirst (list 3 4) }}¦3",
      "{{ mustMerge (dict \"a\" 1) (dict \"b\" 2) }}¦map[a:1 b:2]",
      "{{ toJson now }}¦\"2026-11-27T10:00:00Z\"",
      "{{ b64enc \"Hello, 世界\" }}¦SGVsbG8sIOS4lueVjA==",
      "{{ b64dec \"SGVsbG8sIOS4lueVjA==\" }}¦Hello, 世界",
  })
  void yamlSemverMustAndBase64_giveSprigsAndHelmsResult(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected.replace("\\n", "\n"));
  }

  @Test
  void semver_invalidVersionOrConstraint_failsInMastermindsWords() {
    assertThatThrownBy(() -> render("{{ semver \"one.two\" }}")).hasMessageContaining("Invalid Semantic Version");
    assertThatThrownBy(() -> render("{{ semverCompare \">>1\" \"1.0.0\" }}")).hasMessageContaining("improper constraint");
  }

  @Test
  void mustDateFunctions_failInGosWords() {
    assertThatThrownBy(() -> render("{{ mustToDate \"2006-01-02\" \"2017-13-01\" }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("parsing time \"2017-13-01\"");
    assertThatThrownBy(() -> render("{{ mustToDate \"2006-01-02\" \"31.12.2017\" }}"))
        .hasMessageContaining("cannot parse \"31.12.2017\" as \"2006\"");
    assertThatThrownBy(() -> render("{{ now | mustDateModify \"1 day\" }}"))
        .hasMessageContaining("time: unknown unit \" day\" in duration \"1 day\"");
    assertThatThrownBy(() -> render("{{ dateModify \"1h\" \"2026-01-01\" }}"))
        .hasMessageContaining("expected time.Time");
  }

  @Test
  void toPrettyJson_indentsTwoSpaces() {
    assertThat(render("{{ toPrettyJson (dict \"a\" 1 \"b\" (list)) }}")).isEqualTo("{\n  \"a\": 1,\n  \"b\": []\n}");
  }

  @Test
  void failAndRequired_stopTheTemplateWithTheirMessage() {
    assertThatThrownBy(() -> render("{{ fail \"no stage\" }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("no stage");
    assertThatThrownBy(() -> render("{{ required \"stage is required\" .vars.absent }}"))
        .hasMessageContaining("stage is required");
  }

  @Test
  void impureAndOutsideWorldFunctions_refusedSayingWhy() {
    assertThatThrownBy(() -> render("{{ uuidv4 }}")).hasMessageContaining("different value at every load");
    assertThatThrownBy(() -> render("{{ (atmos.Store \"ssm\" \"dev\" \"vpc\" \"id\") }}"))
        .hasMessageContaining("atmos.Store reads a store");
  }

  @Test
  void disabledLibraries_areNotDefined() {
    Map<String, TemplateFunction> none = CoreLibrary.functions(NOW, Map.of(), false, false);

    assertThatThrownBy(() -> GoTemplate.parse("t", "{{ upper .x }}", none.keySet()))
        .hasMessageContaining("function \"upper\" not defined");
    assertThat(none).containsOnlyKeys("atmos");
  }
}
