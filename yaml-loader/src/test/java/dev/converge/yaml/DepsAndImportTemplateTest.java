package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.model.InstanceId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deps}/{@code deps_all} as Atmos computes them (ProcessConfigSources), an import path whose
 * template does not parse, and a templated {@code depends_on} stack with templating off.
 */
class DepsAndImportTemplateTest {

  @TempDir
  Path dir;

  private static final String ATMOS_NO_TEMPLATES = """
      base_path: "."
      stacks:
        base_path: stacks
        included_paths: ["deploy/**/*"]
        name_pattern: "{stage}"
      components:
        terraform:
          base_path: components/terraform
      """;

  @Test
  void deps_firstFilePerKey_inAtmosOrder_depsAllEveryFileSettingAKey() {
    RepoFiles repo = RepoFiles.in(dir)
        // sets stage (overridden by the top-level file) and region (only here)
        .write("stacks/mixins/region.yaml", "vars:\n  stage: mixin\n  region: us-east-1\n")
        // defines the base inline; its vars.cidr is overridden by the component's own value
        .write("stacks/catalog/vpc.yaml", """
            components:
              terraform:
                vpc-defaults:
                  metadata: {type: abstract}
                  vars: {cidr: 10.0.0.0/16, size: small}
            """)
        // sets nothing the component reads: no deps
        .write("stacks/catalog/other.yaml", "components:\n  terraform:\n    other:\n      vars: {x: 1}\n")
        .write("stacks/deploy/dev.yaml", """
            import: [mixins/region, catalog/vpc, catalog/other]
            vars:
              stage: dev
            components:
              terraform:
                vpc:
                  metadata: {inherits: [vpc-defaults]}
                  vars: {cidr: 10.1.0.0/16}
            """);

    ResolvedComponent vpc = repo.load().component("dev/us-east-1", "vpc").orElseThrow();

    // stage, cidr: deploy/dev; region: mixins/region; size: catalog/vpc (the base, inline)
    assertThat(vpc.configuration().get("deps")).isEqualTo(List.of("catalog/vpc", "deploy/dev", "mixins/region"));
    // cidr is also set in catalog/vpc and stage in mixins/region: the same files, plus the top-level file
    assertThat(vpc.configuration().get("deps_all")).isEqualTo(List.of("catalog/vpc", "deploy/dev", "mixins/region"));
  }

  @Test
  void deps_aFileOnlyOverriddenIsInDepsAllNotDeps() {
    RepoFiles repo = RepoFiles.in(dir)
        .write("stacks/mixins/stage.yaml", "vars:\n  stage: mixin\n")
        .write("stacks/deploy/dev.yaml", """
            import: [mixins/stage]
            vars: {stage: dev, region: us-east-1}
            components:
              terraform:
                vpc:
                  vars: {cidr: 10.1.0.0/16}
            """);

    ResolvedComponent vpc = repo.load().component("dev/us-east-1", "vpc").orElseThrow();

    assertThat(vpc.configuration().get("deps")).isEqualTo(List.of("deploy/dev"));
    assertThat(vpc.configuration().get("deps_all")).isEqualTo(List.of("deploy/dev", "mixins/stage"));
  }

  @Test
  void importPath_templateThatDoesNotParse_isLocatedProblem_evenWithTemplatingOff() {
    RepoFiles repo = RepoFiles.bare(dir).write("atmos.yaml", ATMOS_NO_TEMPLATES)
        .write("components/terraform/vpc/main.tf", "# vpc\n")
        .write("stacks/deploy/dev.yaml", "vars:\n  stage: dev\nimport:\n  - \"{{ unclosed\"\n");

    List<Problem> problems;
    try {
      repo.load();
      problems = List.of();
    } catch (ConvergeException e) {
      problems = e.problems();
    }

    assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("import-template");
      assertThat(p.location().orElseThrow().render()).isEqualTo("stacks/deploy/dev.yaml:4:5");
      assertThat(p.message()).contains("import path `{{ unclosed`").contains("unclosed");
    });
  }

  @Test
  void dependsOn_templatedStack_withTemplatingOff_isKeptAsWritten_andMatchesNothing() {
    RepoFiles repo = RepoFiles.bare(dir).write("atmos.yaml", ATMOS_NO_TEMPLATES)
        .write("components/terraform/vpc/main.tf", "# vpc\n")
        .write("stacks/deploy/dev.yaml", """
            vars: {stage: dev}
            components:
              terraform:
                vpc:
                  vars: {}
                app:
                  metadata: {component: vpc}
                  settings:
                    depends_on:
                      1: {component: vpc, stack: "{{ .vars.stage }}"}
            """);

    AtmosSnapshot s = repo.load();

    // the entry names stack `{{ .vars.stage }}`, which does not exist (rendered, it would be dev)
    ResolvedComponent app = s.component("dev", "app").orElseThrow();
    assertThat(app.dependsOn()).isEmpty();
    assertThat(s.dependents(InstanceId.of("dev", "vpc"))).isEmpty();
  }
}
