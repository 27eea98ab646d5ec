package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atmos's {@code locals}, loaded from files: file-scoped at the root and per component type,
 * resolved in dependency order, never inherited through imports; a component's own locals
 * inherited from its bases; cycles refused. The examples are those of Atmos's file-scoped locals
 * design ({@code docs/prd/file-scoped-locals.md}).
 */
class LocalsLoadTest {

  @TempDir
  Path dir;

  private Map<String, Object> vars(RepoFiles files, String component) {
    return AtmosRepository.open(files.root()).load().describeComponent(component, "dev/r").vars();
  }

  @Test
  void fileLocals_referToEachOtherInAnyOrder() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", """
        locals:
          c: "{{ .locals.a }}-{{ .locals.b }}"
          a: first
          b: "{{ .locals.a }}-second"
          project: myapp
        vars: {stage: dev, region: r}
        components:
          terraform:
            vpc:
              vars:
                name: "{{ .locals.c }}"
                bucket: "{{ .locals.project }}-{{ .vars.stage }}-assets"
        """);

    assertThat(vars(files, "vpc")).containsEntry("name", "first-first-second")
        .containsEntry("bucket", "myapp-dev-assets");
  }

  @Test
  void sectionLocals_seeTheGlobalOnesAndWinOverThem() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", """
        locals:
          account_id: "123"
          region: us-east-1
        terraform:
          locals:
            state_bucket: "tfstate-{{ .locals.account_id }}"
            region: eu-west-1
        vars: {stage: dev, region: r}
        components:
          terraform:
            vpc:
              vars:
                bucket: "{{ .locals.state_bucket }}"
                where: "{{ .locals.region }}"
        """);

    assertThat(vars(files, "vpc")).containsEntry("bucket", "tfstate-123").containsEntry("where", "eu-west-1");
  }

  @Test
  void fileLocals_areNotInheritedThroughImports_andNeverDescribed() {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/catalog/defaults.yaml", """
            locals:
              shared: from-defaults
            vars:
              from_defaults: "{{ .locals.shared }}"
            """)
        .write("stacks/deploy/dev.yaml", """
            import: [catalog/defaults]
            locals:
              own: prod-specific
            vars: {stage: dev, region: r}
            components:
              terraform:
                vpc:
                  vars:
                    name: "{{ .locals.own }}"
                    leaked: "{{ .locals.shared }}"
            """);

    ResolvedComponent vpc = AtmosRepository.open(files.root()).load().describeComponent("vpc", "dev/r");

    assertThat(vpc.vars()).containsEntry("from_defaults", "from-defaults").containsEntry("name", "prod-specific")
        .containsEntry("leaked", "<no value>");
    assertThat(vpc.configuration()).doesNotContainKey("locals");
  }

  @Test
  void componentLocals_inheritedFromBases_andOverridden() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", """
        vars: {stage: dev, region: r}
        components:
          terraform:
            vpc/base:
              metadata: {type: abstract, component: vpc}
              locals:
                vpc_type: standard
                cidr_prefix: "10.0"
            vpc:
              metadata: {inherits: [vpc/base]}
              locals:
                vpc_type: production
                label: "{{ .locals.vpc_type }}-{{ .atmos_component }}"
              vars:
                cidr: "{{ .locals.cidr_prefix }}.0.0/16"
                label: "{{ .locals.label }}"
        """);

    assertThat(vars(files, "vpc")).containsEntry("cidr", "10.0.0.0/16").containsEntry("label", "production-vpc");
  }

  @Test
  void manifestLocals_areTheFilesOwn_resolved_rootAndPerSection() {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/catalog/defaults.yaml", """
            locals:
              imported: not-described
            """)
        .write("stacks/deploy/dev.yaml", """
            import: [catalog/defaults]
            locals:
              namespace: acme
              prefix: "{{ .locals.namespace }}-dev"
            terraform:
              locals:
                bucket: "{{ .locals.prefix }}-tfstate"
            vars: {stage: dev, region: r}
            components:
              terraform:
                vpc: {vars: {a: b}}
            """);

    StackManifest dev = AtmosRepository.open(files.root()).load().manifest("deploy/dev").orElseThrow();

    assertThat(dev.locals()).isEqualTo(Map.of("locals", Map.of("namespace", "acme", "prefix", "acme-dev"),
        "terraform", Map.of("locals", Map.of("bucket", "acme-dev-tfstate"))));
  }

  @Test
  void componentLocals_areDescribedResolved_asAtmosDescribesThem() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", """
        locals:
          prefix: acme-dev
        vars: {stage: dev, region: r}
        components:
          terraform:
            vpc/base:
              metadata: {type: abstract, component: vpc}
              locals:
                vpc_type: standard
            vpc:
              metadata: {inherits: [vpc/base]}
              locals:
                extra: "{{ .locals.prefix }}"
            plain:
              vars: {a: b}
        """);

    AtmosSnapshot snapshot = AtmosRepository.open(files.root()).load();

    assertThat(snapshot.describeComponent("vpc", "dev/r").configuration().get("locals"))
        .isEqualTo(Map.of("vpc_type", "standard", "extra", "acme-dev"));
    assertThat(snapshot.describeComponent("plain", "dev/r").configuration()).doesNotContainKey("locals");
  }

  @Test
  void fileLocals_yamlFunctionsAreEvaluatedBeforeTheirTemplates() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", """
        locals:
          pr: !env PR_NUMBER
          none: !env UNSET_VARIABLE
          name: '{{ if .locals.pr }}pr{{ .locals.pr }}{{ else }}main{{ end }}'
          other: '{{ if .locals.none }}set{{ else }}empty{{ end }}'
        vars: {stage: dev, region: r}
        components:
          terraform:
            vpc:
              vars:
                name: "{{ .locals.name }}"
                other: "{{ .locals.other }}"
        """);

    Map<String, Object> vars = AtmosRepository.builder(files.root()).environment(Map.of("PR_NUMBER", "42")).build()
        .load().describeComponent("vpc", "dev/r").vars();

    assertThat(vars).containsEntry("name", "pr42").containsEntry("other", "empty");
  }

  @Test
  void circularLocals_areAnErrorNamingTheChain() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", """
        locals:
          a: "{{ .locals.c }}"
          b: "{{ .locals.a }}"
          c: "{{ .locals.b }}"
        vars: {stage: dev, region: r}
        components: {terraform: {vpc: {}}}
        """);

    List<Problem> problems = catchThrowableOfType(ConvergeException.class,
        () -> AtmosRepository.open(files.root()).load()).problems();

    assertThat(problems).filteredOn(p -> p.rule().equals("locals-cycle")).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("circular dependency in locals: a -> c -> b -> a");
      assertThat(p.location().orElseThrow().render()).isEqualTo("stacks/deploy/dev.yaml:1:1");
    });
  }

  @Test
  void versionSection_isAKnownStackKey() {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/catalog/track.yaml", "version:\n  track: beta\n")
        .write("stacks/deploy/dev.yaml", """
            import: [catalog/track]
            vars: {stage: dev, region: r}
            components:
              terraform:
                vpc: {}
            """);

    AtmosSnapshot snapshot = AtmosRepository.open(files.root()).load();

    assertThat(snapshot.warnings()).noneMatch(p -> p.message().contains("version"));
  }
}
