package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.model.ContentDigest;
import dev.converge.model.DeferredValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atmos's YAML functions in stack manifests: {@code !include} and {@code !include.raw} replaced while
 * a file is read, {@code !env}, {@code !template} and {@code !unset} evaluated, {@code !append} lists
 * appended, the functions that need the outside world kept as {@link DeferredValue}s, and any other
 * tag a located problem.
 */
class YamlFunctionsTest {

  private static final String DEV = "deploy/dev.yaml";

  @TempDir
  Path dir;

  private AtmosSnapshot load(RepoFiles files) {
    return AtmosRepository.open(files.root()).load();
  }

  private AtmosSnapshot load(RepoFiles files, Map<String, String> environment) {
    return AtmosRepository.builder(files.root()).environment(environment).build().load();
  }

  private List<Problem> problemsOf(RepoFiles files) {
    return catchThrowableOfType(ConvergeException.class, () -> load(files)).problems();
  }

  @Test
  void include_wholeVarsSectionFromTfvars_isTheFilesAttributes() {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/" + DEV, """
            vars: {stage: dev, region: r}
            components:
              terraform:
                vpc:
                  vars: !include ./vpc.tfvars
            """)
        .write("stacks/deploy/vpc.tfvars", """
            # a comment
            cidr = "10.0.0.0/16"
            azs  = ["a", "b"] // two zones
            tags = {
              team  = "net"
              "cost" : 12
            }
            nat = true
            note = <<-EOT
              line one
                line two
              EOT
            """);

    Map<String, Object> vars = load(files).describeComponent("vpc", "dev/r").vars();

    assertThat(vars).containsEntry("cidr", "10.0.0.0/16").containsEntry("azs", List.of("a", "b"))
        .containsEntry("tags", Map.of("team", "net", "cost", 12L)).containsEntry("nat", true)
        .containsEntry("note", "line one\n  line two\n");
  }

  @Test
  void include_importListAndQueryFromBasePath_areRead() {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/" + DEV, """
            import: !include config/imports.yaml .dev
            vars: {stage: dev, region: r}
            components:
              terraform:
                vpc:
                  vars:
                    cidr: !include config/network.json .cidrs[1]
                    readme: !include.raw config/notes.txt
            """)
        .write("config/imports.yaml", "dev: [catalog/vpc]\nprod: [catalog/other]\n")
        .write("config/network.json", "{\"cidrs\": [\"10.0.0.0/16\", \"10.1.0.0/16\"]}")
        .write("config/notes.txt", "plain {{ text }}\n")
        .write("stacks/catalog/vpc.yaml", "components: {terraform: {vpc: {vars: {from_catalog: true}}}}\n");

    ResolvedComponent vpc = load(files).describeComponent("vpc", "dev/r");

    assertThat(vpc.vars()).containsEntry("cidr", "10.1.0.0/16").containsEntry("from_catalog", true)
        .containsEntry("readme", "plain {{ text }}\n");
  }

  @Test
  void include_missingFile_isAProblemAtTheFunction() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/" + DEV, """
        vars:
          stage: dev
          region: !include ./missing.yaml
        """);

    List<Problem> problems = problemsOf(files);

    assertThat(problems).extracting(Problem::rule).containsExactly("include-invalid");
    assertThat(problems.get(0).location().orElseThrow().render()).isEqualTo("stacks/deploy/dev.yaml:3:11");
    assertThat(problems.get(0).message()).contains("stacks/deploy/missing.yaml", "does not exist");
  }

  @Test
  void include_remoteOrEscapingOrCyclic_isAProblem() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/" + DEV, """
        vars:
          stage: dev
          region: r
          a: !include https://example.com/x.yaml
          b: !include ../../../outside.yaml
          c: !include ./loop.yaml
        """).write("stacks/deploy/loop.yaml", "again: !include ./loop.yaml\n");

    List<Problem> problems = problemsOf(files);

    assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("remote file"))
        .anySatisfy(m -> assertThat(m).contains("leaves the repository"))
        .anySatisfy(m -> assertThat(m).contains("include cycle"));
  }

  @Test
  void include_tfvarsWithAnExpression_isAProblemAtItsLineAndColumn() {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/" + DEV, "vars: !include ./dev.tfvars\n")
        .write("stacks/deploy/dev.tfvars", "stage = \"dev\"\nregion = var.region\n");

    List<Problem> problems = problemsOf(files);

    assertThat(problems).extracting(Problem::rule).contains("include-invalid");
    Problem problem = problems.stream().filter(p -> p.rule().equals("include-invalid")).findFirst().orElseThrow();
    assertThat(problem.location().orElseThrow().render()).isEqualTo("stacks/deploy/dev.tfvars:2:10");
    assertThat(problem.message()).contains("`var` is an expression");
  }

  @Test
  void env_readsComponentEnvThenGivenEnvironmentThenDefault() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/" + DEV, """
        vars: {stage: dev, region: r}
        components:
          terraform:
            vpc:
              env:
                FOO: from-stack
              vars:
                a: !env FOO
                b: !env HOME_REGION
                c: !env UNSET_ONE fallback
                d: !env UNSET_TWO
                e: !env 'UNSET_THREE "two words"'
        """);

    Map<String, Object> vars = load(files, Map.of("FOO", "from-process", "HOME_REGION", "eu"))
        .describeComponent("vpc", "dev/r").vars();

    assertThat(vars).containsEntry("a", "from-stack").containsEntry("b", "eu").containsEntry("c", "fallback")
        .containsEntry("d", "").containsEntry("e", "two words");
  }

  @Test
  void templateUnsetAndAppend_areEvaluated() {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/catalog/base.yaml", """
            components:
              terraform:
                vpc:
                  vars:
                    zones: [a, b]
                    dropped: yes-before
            """)
        .write("stacks/" + DEV, """
            import: [catalog/base]
            vars: {stage: dev, region: r}
            components:
              terraform:
                vpc:
                  vars:
                    zones: !append [c]
                    dropped: !unset
                    decoded: !template '{"a": [1, 2]}'
                    kept: !template not json
                    list: [x, !unset "", y]
            """);

    Map<String, Object> vars = load(files).describeComponent("vpc", "dev/r").vars();

    assertThat(vars).containsEntry("zones", List.of("a", "b", "c")).doesNotContainKey("dropped")
        .containsEntry("decoded", Map.of("a", List.of(1L, 2L))).containsEntry("kept", "not json")
        .containsEntry("list", List.of("x", "y"));
  }

  @Test
  void template_decodesStrictJsonOnly_andATrimmedSeparatorStillNamesTheFunction() {
    RepoFiles files = RepoFiles.in(dir)
        .write("atmos.yaml", RepoFiles.ATMOS_YAML.replace("    enabled: true", "    enabled: true\n    sprig: {enabled: true}"))
        .write("stacks/" + DEV, """
            vars: {stage: dev, region: r}
            components:
              terraform:
                vpc:
                  vars:
                    yaml_not_json: !template '{this is not valid json}'
                    trimmed: !template |
                      {{- toJson (list "one" "two") -}}
                    number: !template ' 42 '
                    escaped: !template '{"m": "say \\"hi\\" \\u00e9"}'
            """);

    Map<String, Object> vars = load(files).describeComponent("vpc", "dev/r").vars();

    assertThat(vars).containsEntry("yaml_not_json", "{this is not valid json}")
        .containsEntry("trimmed", List.of("one", "two")).containsEntry("number", 42L)
        .containsEntry("escaped", Map.of("m", "say \"hi\" \u00e9"));
  }

  @Test
  void deferredMerge_trackedFunctionAndConcreteOverride_areDeepMergedOnceEvaluated() {
    RepoFiles files = RepoFiles.in(dir)
        .write("atmos.yaml", RepoFiles.ATMOS_YAML.replace("    enabled: true", "    enabled: true\n    sprig: {enabled: true}"))
        .write("stacks/" + DEV, """
            vars: {stage: dev, region: r}
            components:
              terraform:
                base:
                  metadata: {type: abstract, component: vpc, labels: {x: "1"}}
                  settings: {config: {enabled: true, timeout: 30}}
                  vars:
                    config: !template '{{ toJson .settings.config }}'
                    mirror: {kept: yes}
                    labels: !labels
                    scalar: !template '{"a": 1}'
                    root: !git.root
                vpc:
                  metadata: {inherits: [base]}
                  vars:
                    config: {enabled: false, added: new}
                    mirror: !template '{"added": "new"}'
                    labels: {y: "2"}
                    scalar: plain
                    root: {replaced: outright}
            """);

    Map<String, Object> vars = load(files).describeComponent("vpc", "dev/r").vars();

    assertThat(vars).containsEntry("config", Map.of("enabled", false, "timeout", 30L, "added", "new"))
        .containsEntry("mirror", Map.of("kept", "yes", "added", "new"))
        .containsEntry("labels", Map.of("x", "1", "y", "2")).containsEntry("scalar", "plain")
        .containsEntry("root", Map.of("replaced", "outright"));
  }

  @Test
  void version_readsTheLockFileForTheStacksTrack_andRefusesAnUnlockedName() {
    RepoFiles files = RepoFiles.in(dir)
        .write("versions.lock.yaml", """
            version: 1
            tracks:
              default: {widget: {version: "1.0.0"}}
              dev: {widget: {version: "2.0.0", digest: "sha256:abc"}, gadget: {version: "3.1.0"}}
            """)
        .write("atmos.yaml", RepoFiles.ATMOS_YAML + """
            version:
              dependencies:
                gadget: {update: {pin: digest}}
            """)
        .write("stacks/" + DEV, """
            version: {track: dev}
            vars: {stage: dev, region: r}
            components:
              terraform:
                vpc:
                  vars:
                    widget: !version widget
                    tag: "widget:{{ .version.widget }} {{ .version.widget.Digest }} gadget:{{ .version.gadget }}"
            """)
        .write("stacks/deploy/prod.yaml", """
            vars: {stage: prod, region: r}
            components:
              terraform:
                vpc:
                  vars:
                    widget: !version widget
            """);

    AtmosSnapshot snapshot = load(files);

    assertThat(snapshot.describeComponent("vpc", "dev/r").vars()).containsEntry("widget", "2.0.0")
        .containsEntry("tag", "widget:2.0.0 sha256:abc gadget:3.1.0");
    assertThat(snapshot.describeComponent("vpc", "prod/r").vars()).containsEntry("widget", "1.0.0");

    files.write("stacks/deploy/prod.yaml", """
        vars: {stage: prod, region: r}
        components:
          terraform:
            vpc:
              vars:
                other: !version unknown
        """);
    assertThat(problemsOf(files)).filteredOn(p -> p.rule().equals("version-not-locked")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("unknown is not locked in track `default`"));
  }

  @Test
  void tagsAndLabels_readTheComponentsMergedMetadata() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/" + DEV, """
        vars: {stage: dev, region: r}
        components:
          terraform:
            base:
              metadata: {type: abstract, component: vpc, labels: {team: net, b: "2"}, tags: [x, 1, y]}
            vpc:
              metadata: {inherits: [base], labels: {a: "1"}}
              vars:
                tags: !tags
                labels: !labels
                keys: !labels.keys
                values: !labels.values
                with_argument: !tags extra
        """);

    Map<String, Object> vars = load(files).describeComponent("vpc", "dev/r").vars();

    assertThat(vars).containsEntry("tags", List.of("x", "y"))
        .containsEntry("labels", Map.of("team", "net", "b", "2", "a", "1"))
        .containsEntry("keys", List.of("a", "b", "team")).containsEntry("values", List.of("1", "2", "net"))
        .containsEntry("with_argument", "!tags extra");
  }

  @Test
  void outsideWorldFunctions_areDeferredValuesDigestedByTheirText() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/" + DEV, """
        vars: {stage: dev, region: r}
        components:
          terraform:
            vpc:
              vars:
                vpc_id: !terraform.output network vpc_id
                secret: !store ssm/prod db password
                account: !aws.account_id
                root: !repo-root
                not_a_function: "!environment is a word"
        """);

    AtmosSnapshot snapshot = load(files);
    ResolvedComponent vpc = snapshot.describeComponent("vpc", "dev/r");

    assertThat(vpc.vars().get("vpc_id")).isEqualTo(DeferredValue.of("!terraform.output", "network vpc_id"));
    assertThat(vpc.vars().get("secret")).isEqualTo(DeferredValue.of("!store", "ssm/prod db password"));
    assertThat(vpc.vars().get("account")).isEqualTo(DeferredValue.of("!aws.account_id", ""));
    assertThat(vpc.vars().get("root")).isEqualTo(DeferredValue.of("!repo-root", ""));
    assertThat(vpc.vars()).containsEntry("not_a_function", "!environment is a word");
    assertThat(((DeferredValue) vpc.vars().get("vpc_id")).location().orElseThrow().file())
        .isEqualTo("stacks/deploy/dev.yaml");
    // digested as the string Atmos keeps: ledgers written before deferred values compare equal
    assertThat(ContentDigest.ofConfiguration(Map.of("v", DeferredValue.of("!terraform.output", "network vpc_id"))))
        .isEqualTo(ContentDigest.ofConfiguration(Map.of("v", "!terraform.output network vpc_id")));
    assertThat(snapshot.warnings()).filteredOn(p -> p.rule().equals("yaml-function-deferred")).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("4 values are YAML functions")
            .contains("!terraform.output × 1", "!aws.account_id × 1"));
  }

  @Test
  void exec_offByDefault_isDeferred_enabled_runsWithoutAShellAndDecodesJson() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/" + DEV, """
        vars: {stage: dev, region: r}
        components:
          terraform:
            vpc:
              vars:
                text: !exec printf hello
                json: !exec printf '{"a":[1]}'
                no_shell: !exec echo $HOME
        """);

    Map<String, Object> off = load(files).describeComponent("vpc", "dev/r").vars();
    Map<String, Object> on = AtmosRepository.builder(files.root()).environment(Map.of("PATH", "/usr/bin:/bin"))
        .allowExec(true).build().load().describeComponent("vpc", "dev/r").vars();

    assertThat(off.get("text")).isEqualTo(DeferredValue.of("!exec", "printf hello"));
    assertThat(on).containsEntry("text", "hello").containsEntry("json", Map.of("a", List.of(1L)))
        .containsEntry("no_shell", "$HOME");
  }

  @Test
  void exec_failingCommand_isAProblemAtTheComponent() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/" + DEV, """
        vars: {stage: dev, region: r}
        components:
          terraform:
            vpc:
              vars:
                broken: !exec false
        """);

    List<Problem> problems = catchThrowableOfType(ConvergeException.class, () -> AtmosRepository.builder(files.root())
        .environment(Map.of("PATH", "/usr/bin:/bin")).allowExec(true).build().load()).problems();

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("yaml-function");
      assertThat(p.message()).contains("`!exec false` failed: it exited with 1");
      assertThat(p.location().orElseThrow().file()).isEqualTo("stacks/deploy/dev.yaml");
    });
  }

  @Test
  void unknownTag_isAProblemAtTheTag() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/" + DEV, """
        vars:
          stage: dev
          region: !shout r
        """);

    List<Problem> problems = problemsOf(files);

    assertThat(problems).extracting(Problem::rule).containsExactly("yaml-tag");
    assertThat(problems.get(0).location().orElseThrow().render()).isEqualTo("stacks/deploy/dev.yaml:3:11");
    assertThat(problems.get(0).message()).contains("unsupported YAML tag `!shout`");
  }
}
