package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input table: each input gives one problem naming the rule, the file, line and column,
 * what was expected and, where one is close, a "did you mean". The loader throws nothing but
 * {@link ConvergeException}.
 */
class BadInputTest {

  @TempDir
  Path dir;

  private static final String DEV = "deploy/dev.yaml";

  static Stream<Arguments> table() {
    return Stream.of(
        row("YAML syntax error", files -> files
                .write("stacks/deploy/dev.yaml", "vars:\n  stage: dev\n  region: [us-east-1\n"),
            "yaml-syntax", "stacks/deploy/dev.yaml:4:1", "invalid YAML"),
        row("duplicate key", files -> files
                .write("stacks/deploy/dev.yaml", "vars:\n  stage: dev\n  region: r\n  stage: prod\n"),
            "yaml-duplicate-key", "stacks/deploy/dev.yaml:4:3", "duplicate key `stage` (first at line 2)"),
        row("unknown key in rollout.yaml", files -> files.write("rollout.yaml", """
                environments:
                  dev:
                    stacks: ["dev/*"]
                    max_paralel: 2
                """),
            "unknown-key", "rollout.yaml:4:5", "did you mean `max_parallel`?"),
        row("missing import", files -> files
                .write("stacks/catalog/vpc.yaml", "components: {terraform: {vpc: {}}}\n")
                .write("stacks/deploy/dev.yaml", "import:\n  - catalog/vcp\nvars: {stage: dev, region: r}\n"),
            "import-not-found", "stacks/deploy/dev.yaml:2:5", "did you mean `catalog/vpc`?"),
        row("import cycle of three files", files -> files
                .write("stacks/catalog/a.yaml", "import: [catalog/b]\n")
                .write("stacks/catalog/b.yaml", "import: [catalog/c]\n")
                .write("stacks/catalog/c.yaml", "import: [catalog/a]\n")
                .write("stacks/deploy/dev.yaml", "import: [catalog/a]\nvars: {stage: dev, region: r}\n"),
            "import-cycle", "stacks/catalog/c.yaml:1:10", "catalog/a -> catalog/b -> catalog/c -> catalog/a"),
        row("import of itself", files -> files
                .write("stacks/deploy/dev.yaml", "import: [deploy/dev]\nvars: {stage: dev, region: r}\n"),
            "import-cycle", "stacks/deploy/dev.yaml:1:10", "deploy/dev -> deploy/dev"),
        row("glob matching nothing", files -> files
                .write("stacks/deploy/dev.yaml", "import: [\"catalog/mixins/*\"]\nvars: {stage: dev, region: r}\n"),
            "import-glob-empty", "stacks/deploy/dev.yaml:1:10", "matches no file"),
        row("a list where a map belongs", files -> files
                .write("stacks/deploy/dev.yaml", """
                    vars: {stage: dev, region: r}
                    components:
                      terraform:
                        vpc:
                          vars:
                            - cidr: 10.0.0.0/16
                    """),
            "type-mismatch", "stacks/deploy/dev.yaml:6:9", "`components.terraform.vpc.vars` must be a map, found a list"),
        row("a stack file that is a list (its `import:` line deleted; found by LoaderFuzzTest, seed 7)", files -> files
                .write("stacks/deploy/dev.yaml", "# dev\n  - catalog/vpc\n"),
            "type-mismatch", "stacks/deploy/dev.yaml:2:3", "a stack file must be a map, found a list"),
        row("rollout.yaml that is a list", files -> files
                .write("rollout.yaml", "\n- dev\n- prod\n"),
            "type-mismatch", "rollout.yaml:2:1", "rollout.yaml must be a map, found a list"),
        row("inheritance from a missing base", files -> files
                .write("stacks/deploy/dev.yaml", """
                    vars: {stage: dev, region: r}
                    components:
                      terraform:
                        vpc-defaults: {metadata: {type: abstract}}
                        vpc:
                          metadata:
                            inherits: [vpc-default]
                    """),
            "inheritance-missing-base", "stacks/deploy/dev.yaml:5:5", "did you mean `vpc-defaults`?"),
        row("an import leaving the repository", files -> files
                .write("stacks/deploy/dev.yaml", "import: [\"../../../../etc/passwd\"]\nvars: {stage: dev, region: r}\n"),
            "path-outside-repository", "stacks/deploy/dev.yaml:1:10", "leaves the repository"),
        row("an unknown environment in after", files -> files.write("rollout.yaml", """
                environments:
                  dev: {stacks: ["dev/*"]}
                  prod: {stacks: ["prod/*"], after: [dve]}
                """),
            "unknown-environment", "rollout.yaml:3:37", "did you mean `dev`?"),
        row("a bad duration in rollout.yaml", files -> files.write("rollout.yaml", """
                environments:
                  dev: {stacks: ["dev/*"], soak: 30 minutes}
                """),
            "type-mismatch", "rollout.yaml:2:34", "30s, 45m, 2h, 7d"),
        row("a freeze that ends before it starts", files -> files.write("rollout.yaml", """
                environments:
                  dev:
                    stacks: ["dev/*"]
                    freezes: [{from: 2026-12-20T00:00:00Z, to: 2026-12-19T00:00:00Z, reason: x}]
                """),
            "freeze-invalid", "rollout.yaml:4:48", "must be after `from`"),
        row("a freeze without a reason", files -> files.write("rollout.yaml", """
                environments:
                  dev:
                    stacks: ["dev/*"]
                    freezes: [{from: 2026-12-20T00:00:00Z, to: 2026-12-21T00:00:00Z}]
                """),
            "missing-key", "rollout.yaml:4:15", "missing `reason`"),
        row("a window that does not parse", files -> files.write("rollout.yaml", """
                environments:
                  dev: {stacks: ["dev/*"], windows: ["Someday 9-5"]}
                """),
            "window-invalid", "rollout.yaml:2:37", "Someday"),
        row("an environment without stacks", files -> files.write("rollout.yaml", """
                environments:
                  dev: {after: []}
                """),
            "environment-without-stacks", "rollout.yaml:2:3", "names no stacks"),
        row("a divergence with a converge_by that is no date", files -> files.write("rollout.yaml", """
                environments:
                  dev: {stacks: ["dev/*"]}
                divergences:
                  - {component: vpc, reason: pinned, converge_by: soon}
                """),
            "type-mismatch", "rollout.yaml:4:51", "converge_by must be a date"),
        row("backend_type naming no key of backend:", f -> f.write("stacks/deploy/dev.yaml", """
                vars: {stage: dev, region: r}
                terraform:
                  backend_type: s3
                  backend: {s3: {bucket: b}}
                components:
                  terraform:
                    vpc:
                      backend_type: local
                """),
            "backend-type-mismatch", "stacks/deploy/dev.yaml:7:5",
            "component \"vpc\" in stack \"dev/r\": backend_type is \"local\" but backend: only configures s3"),
        row("remote_state_backend_type naming no key of remote_state_backend:", f -> f.write("stacks/deploy/dev.yaml", """
                vars: {stage: dev, region: r}
                terraform:
                  backend_type: s3
                  backend: {s3: {bucket: b}}
                  remote_state_backend: {s3: {role_arn: r}}
                components:
                  terraform:
                    vpc:
                      backend_type: local
                      backend: {local: {path: x}}
                """),
            "backend-type-mismatch", "stacks/deploy/dev.yaml:8:5",
            "remote_state_backend_type is \"local\" but remote_state_backend: only configures s3"),
        row("a key the manifest schema closes out", f -> f
                .write("atmos.yaml", RepoFiles.ATMOS_YAML + "schemas:\n  atmos:\n    manifest: schemas/atmos-manifest.json\n")
                .write("stacks/deploy/dev.yaml", "vars: {stage: dev, region: r}\nhelmfile:\n  unknown_option: true\n"),
            "manifest-schema", "stacks/deploy/dev.yaml:3:3", "`helmfile.unknown_option` is not allowed"),
        row("stack name not a string", f -> f.write("stacks/deploy/dev.yaml", "name: 12345\nvars: {stage: dev, region: r}\n"),
            "type-mismatch", "stacks/deploy/dev.yaml:1:7", "`name` must be a string"),
        row("metadata.component a list (issue 18: never a fallback to the component's folder)", f -> f
                .write("stacks/deploy/dev.yaml", """
                    vars: {stage: dev, region: r}
                    components:
                      terraform:
                        vpc:
                          metadata:
                            component: [vpc]
                    """),
            "type-mismatch", "stacks/deploy/dev.yaml:6:20", "`components.terraform.vpc.metadata.component` must be a string, found a list"),
        row("metadata.enabled a number", f -> f
                .write("stacks/deploy/dev.yaml", "vars: {stage: dev, region: r}\n"
                    + "components: {terraform: {vpc: {metadata: {enabled: 0}}}}\n"),
            "type-mismatch", "stacks/deploy/dev.yaml:2:52", "must be true or false, found"),
        row("legacy component a map", f -> f
                .write("stacks/deploy/dev.yaml", "vars: {stage: dev, region: r}\n"
                    + "components: {terraform: {vpc: {component: {a: b}}}}\n"),
            "type-mismatch", "stacks/deploy/dev.yaml:2:43", "`components.terraform.vpc.component` must be a string"),
        // found by LoaderFuzzTest (seed 18): the API threw IllegalArgumentException "stack must not be blank"
        row("a stack name template giving \"\"", f -> f
                .write("stacks/deploy/dev.yaml", "vars: {stage: \"\", region: \"\"}\n"
                    + "components: {terraform: {vpc: {}}}\n"
                    + "name: \"\"\n")
                .write("atmos.yaml", RepoFiles.ATMOS_YAML.replace("\"{{ .vars.stage }}/{{ .vars.region }}\"",
                    "\"{{ .vars.stage }}{{ .vars.region }}\"")),
            "blank-name", "stacks/deploy/dev.yaml:2:26", "whose name is blank"));
  }

  private static Arguments row(String name, Consumer<RepoFiles> files, String rule, String location, String text) {
    return Arguments.of(name, files, rule, location, text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void load_badInput_reportsProblemWithLocation(String name, Consumer<RepoFiles> setup, String rule, String location,
      String text) {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/" + DEV, "vars: {stage: dev, region: r}\ncomponents: {terraform: {vpc: {}}}\n");
    setup.accept(files);

    List<Problem> problems = problemsOf(files);

    assertThat(problems).filteredOn(p -> p.rule().equals(rule)).as(problems.toString()).isNotEmpty();
    Problem problem = problems.stream().filter(p -> p.rule().equals(rule)).findFirst().orElseThrow();
    assertThat(problem.location()).isPresent();
    assertThat(problem.location().get().render()).isEqualTo(location);
    assertThat(problem.message()).contains(text);
  }

  @Test
  void load_problemsInSeveralFiles_allReportedTogether() {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/deploy/dev.yaml", "vars: {stage: dev, region: r}\nimport: [catalog/missing]\n")
        .write("stacks/deploy/prod.yaml", "vars:\n  stage: prod\n  stage: x\n")
        .write("rollout.yaml", "environment: {}\n");

    List<Problem> problems = problemsOf(files);

    assertThat(problems).extracting(Problem::rule)
        .contains("import-not-found", "yaml-duplicate-key", "unknown-key");
    assertThat(problems.stream().filter(p -> p.rule().equals("unknown-key")).findFirst().orElseThrow().message())
        .contains("did you mean `environments`?");
  }

  @Test
  void load_rolloutWithSeveralIndependentMistakes_reportsEveryOneInFileOrder() {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/" + DEV, "vars: {stage: dev, region: r}\ncomponents: {terraform: {vpc: {}}}\n")
        .write("rollout.yaml", """
            rollout_window: soon
            environments:
              dev: {stacks: ["dev/*"], soak: 2h, approval: 1}
              prod:
                stacks: ["prod/*"]
                after: [dve]
                max_parallel: 0
                freezes: [{from: 2026-12-20T00:00:00Z, to: 2026-12-19T00:00:00Z, reason: x, by: me}]
            production: [prd]
            """);

    List<Problem> problems = problemsOf(files);

    assertThat(problems).extracting(p -> p.rule() + " " + p.location().orElseThrow().render()).containsExactly(
        "type-mismatch rollout.yaml:1:17",
        "unknown-key rollout.yaml:3:38",
        "unknown-environment rollout.yaml:6:12",
        "type-mismatch rollout.yaml:7:19",
        "unknown-key rollout.yaml:8:81",
        "freeze-invalid rollout.yaml:8:48",
        "unknown-environment rollout.yaml:9:13");
  }

  @Test
  @Timeout(30)
  void load_aliasBomb_isAProblemNotAnOutOfMemory() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
    }
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", "vars: {stage: dev, region: r}\n" + bomb);

    List<Problem> problems = problemsOf(files);

    assertThat(problems).extracting(Problem::rule).containsAnyOf("yaml-too-large", "yaml-syntax");
    assertThat(problems.get(0).location().orElseThrow().file()).isEqualTo("stacks/deploy/dev.yaml");
  }

  @Test
  @Timeout(30)
  void load_manyAliasesOfOneAnchor_isAProblem() {
    StringBuilder many = new StringBuilder("x: &x {a: 1}\nl:\n");
    for (int i = 0; i < 500; i++) {
      many.append("  - *x\n");
    }
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", many.toString());

    assertThat(problemsOf(files)).extracting(Problem::rule).contains("yaml-syntax");
  }

  @Test
  @Timeout(30)
  void load_nesting10000DeepBlock_isAProblem() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      deep.append("- ");
    }
    deep.append("x\n");
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", deep.toString());

    assertThat(problemsOf(files)).extracting(Problem::rule).containsAnyOf("yaml-too-deep", "yaml-syntax");
  }

  @Test
  @Timeout(30)
  void load_nesting10000DeepFlow_isAProblem() {
    String deep = "vars: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", deep);

    assertThat(problemsOf(files)).extracting(Problem::rule).containsAnyOf("yaml-too-deep", "yaml-syntax");
  }

  @Test
  @Timeout(30)
  void load_recursiveAlias_isAProblem() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", "vars: &v\n  self: *v\n");

    assertThat(problemsOf(files)).extracting(Problem::rule).containsAnyOf("yaml-too-deep", "yaml-syntax");
  }

  @Test
  void load_binaryGarbage_isAProblem() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", "\u0000\u0001\u0002: [}{\n");

    assertThat(problemsOf(files)).extracting(Problem::rule).contains("yaml-syntax");
  }

  @Test
  void open_notADirectory_failsAtOnceNamingTheParameter() {
    assertThatThrownBy(() -> AtmosRepository.open(dir.resolve("nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root (")
        .hasMessageContaining("must be a directory");
  }

  @Test
  void load_revisionOutsideGit_isAProblem() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", "vars: {stage: dev, region: r}\n");

    assertThatThrownBy(() -> AtmosRepository.open(files.root()).load("HEAD"))
        .isInstanceOf(ConvergeException.class)
        .hasMessageContaining("not inside a git repository");
  }

  static List<Problem> problemsOf(RepoFiles files) {
    try {
      files.load();
    } catch (ConvergeException e) {
      return e.problems();
    }
    throw new AssertionError("the load succeeded; problems were expected");
  }
}
