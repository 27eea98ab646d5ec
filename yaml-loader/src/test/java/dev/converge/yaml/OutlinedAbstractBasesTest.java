package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.RolloutPlanner;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.Outcome;
import dev.converge.model.ComponentType;
import dev.converge.model.Instance;
import dev.converge.plan.RolloutPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A load that outlines abstract bases ({@link AtmosRepository.Builder#outlineAbstractBases}) and keeps
 * no describe maps ({@link AtmosRepository.Builder#describeMaps}) plans as a full load does: seeded estates of stacks importing catalog files whose components inherit
 * abstract bases (bases with templates, bases a stack overrides, disabled or locked bases, bases
 * inheriting bases, a deployable reading a base through {@code atmos.Component}), named by template
 * or by pattern, give the same deployable instances, the same abstract instances but for their
 * configuration, and the same plan against the same ledger.
 */
class OutlinedAbstractBasesTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir
  Path dir;

  static Stream<Long> seeds() {
    return LongStream.range(0, 40).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void outlinedLoad_plansAsTheFullLoad(long seed) {
    Random random = new Random(seed);
    boolean pattern = random.nextBoolean();
    RepoFiles files = RepoFiles.in(dir);
    if (pattern) {
      files.write("atmos.yaml", RepoFiles.ATMOS_YAML.replace("name_template: \"{{ .vars.stage }}/{{ .vars.region }}\"",
          "name_pattern: \"{stage}-{environment}\""));
    }
    files.write("rollout.yaml", """
        environments:
          dev: {stacks: ["dev-*", "dev/*"]}
          prod: {after: [dev], stacks: ["prod-*", "prod/*"]}
        """);
    int catalog = 2 + random.nextInt(5);
    StringBuilder bases = new StringBuilder("components:\n  terraform:\n");
    for (int c = 0; c < catalog; c++) {
      files.write("components/terraform/module-" + c + "/main.tf", "# " + c + "\n");
      bases.append("    base-").append(c).append(":\n      metadata:\n        type: abstract\n");
      if (random.nextInt(4) == 0) {
        bases.append("        enabled: false\n");
      }
      if (random.nextInt(4) == 0) {
        bases.append("        locked: true\n");
      }
      bases.append("        component: module-").append(c).append('\n');
      if (c > 0 && random.nextInt(3) == 0) {
        bases.append("        inherits: [base-").append(c - 1).append("]\n");
      }
      bases.append("      vars:\n        size: ").append(c).append('\n');
      if (random.nextBoolean()) {
        bases.append("        label: \"{{ .vars.stage }}-").append(c).append("\"\n");
      }
      bases.append("      settings:\n        team: t").append(c % 3).append('\n');
      if (c > 0 && random.nextInt(3) == 0) { // inherited by the component: its dependency
        bases.append("        depends_on:\n          9: {component: svc-").append(c - 1).append("}\n");
      }
      StringBuilder yaml = new StringBuilder("components:\n  terraform:\n");
      yaml.append("    svc-").append(c).append(":\n      metadata:\n        component: module-").append(c)
          .append("\n        inherits: [base-").append(c).append("]\n");
      if (c > 0 && random.nextBoolean()) {
        yaml.append("      settings:\n        depends_on:\n          1: {component: svc-").append(c - 1).append("}\n");
      }
      yaml.append("      vars:\n        name: svc-").append(c).append('\n');
      if (random.nextInt(5) == 0) {
        yaml.append("        base_size: '{{ (atmos.Component \"base-").append(c).append("\" .atmos_stack).vars.size }}'\n");
      }
      files.write("stacks/catalog/svc-" + c + ".yaml", yaml.toString());
    }
    files.write("stacks/catalog/bases.yaml", bases.toString());
    int stacks = 2 + random.nextInt(6);
    for (int s = 0; s < stacks; s++) {
      String stage = s % 2 == 0 ? "dev" : "prod";
      StringBuilder yaml = new StringBuilder("import:\n  - catalog/bases\n");
      for (int c = 0; c < catalog; c++) {
        if (random.nextInt(4) != 0) {
          yaml.append("  - catalog/svc-").append(c).append('\n');
        }
      }
      yaml.append("vars:\n  stage: ").append(stage).append("\n  region: r").append(s).append("\n  environment: e")
          .append(s).append('\n');
      if (random.nextBoolean()) {
        int c = random.nextInt(catalog);
        yaml.append("components:\n  terraform:\n    base-").append(c).append(":\n      vars:\n        size: big-")
            .append(s).append('\n');
      }
      files.write("stacks/deploy/s" + s + ".yaml", yaml.toString());
    }
    files.commit("estate");

    AtmosSnapshot full = AtmosRepository.builder(files.root()).build().load("HEAD");
    // as converge plan loads: abstract bases outlined, no describe maps kept
    AtmosSnapshot outlined = AtmosRepository.builder(files.root()).outlineAbstractBases(true).describeMaps(false).build()
        .load("HEAD");

    List<Instance> fullInstances = full.desiredState().instances();
    List<Instance> outlinedInstances = outlined.desiredState().instances();
    assertThat(outlinedInstances).extracting(Instance::id)
        .containsExactlyElementsOf(fullInstances.stream().map(Instance::id).toList());
    for (int i = 0; i < fullInstances.size(); i++) {
      Instance a = fullInstances.get(i);
      Instance b = outlinedInstances.get(i);
      if (a.metadata().type() == ComponentType.REAL) {
        assertThat(b).as("seed %d: %s", seed, a.id()).isEqualTo(a);
      } else {
        assertThat(b.folder()).as("seed %d: %s", seed, a.id()).isEqualTo(a.folder());
        assertThat(b.sourceDigest()).isEqualTo(a.sourceDigest());
        assertThat(b.metadata()).isEqualTo(a.metadata());
        assertThat(b.workspace()).isEqualTo(a.workspace());
        assertThat(b.contextPrefix()).isEqualTo(a.contextPrefix());
        assertThat(b.configDigest()).isEmpty();
        assertThat(b.vars()).isEmpty();
      }
    }
    assertThat(outlined.folderInventory()).isEqualTo(full.folderInventory());
    assertThat(outlined.components()).allSatisfy(c -> assertThat(c.configuration()).isEmpty());
    assertThat(outlined.components()).extracting(ResolvedComponent::id)
        .containsExactlyElementsOf(full.components().stream().map(ResolvedComponent::id).toList());
    for (int i = 0; i < full.components().size(); i++) {
      if (!full.components().get(i).isAbstract()) { // an outlined base's dependencies are not worked out
        assertThat(outlined.components().get(i).dependsOn()).isEqualTo(full.components().get(i).dependsOn());
      }
    }

    // a ledger that deployed some deployable instances as they are now and others as they were not
    List<Deployment> deployed = new ArrayList<>();
    for (Instance instance : fullInstances) {
      if (instance.isDeployable() && random.nextBoolean()) {
        deployed.add(Deployment.builder().at(NOW.minusSeconds(3600)).instance(instance.id()).folder(instance.folder())
            .revision("0000000").sourceDigest(instance.sourceDigest())
            .configDigest(random.nextBoolean() ? instance.configDigest() : "0".repeat(64))
            .outcome(Outcome.SUCCESS).actor("ci").build());
      }
    }
    Ledger ledger = Ledger.of(deployed);
    RolloutPlan fullPlan = RolloutPlanner.of(full.pipeline().orElseThrow()).withLedger(ledger).at(NOW)
        .plan(full.desiredState());
    RolloutPlan outlinedPlan = RolloutPlanner.of(outlined.pipeline().orElseThrow()).withLedger(ledger).at(NOW)
        .plan(outlined.desiredState());
    assertThat(outlinedPlan).as("seed %d", seed).isEqualTo(fullPlan);
  }

  @Test
  void outlinedBase_describeMapHoldsItsNamesAndMetadata_noDigest() {
    RepoFiles files = RepoFiles.in(dir)
        .write("components/terraform/vpc/main.tf", "# vpc\n")
        .write("stacks/catalog/vpc.yaml", AtmosRepositoryTest.CATALOG)
        .write("stacks/deploy/dev.yaml", AtmosRepositoryTest.DEV);

    AtmosSnapshot s = AtmosRepository.builder(files.root()).outlineAbstractBases(true).build().load();

    ResolvedComponent base = s.describeComponent("vpc-defaults", "dev/us-east-1");
    assertThat(base.isAbstract()).isTrue();
    assertThat(base.configDigest()).isEmpty();
    assertThat(base.configuration()).containsEntry("atmos_component", "vpc-defaults")
        .containsEntry("atmos_stack", "dev/us-east-1").containsEntry("component", "vpc-defaults")
        .containsKeys("metadata", "imports", "folder", "source_digest")
        .doesNotContainKeys("vars", "config_digest", "backend");
    assertThat(s.describeComponent("vpc", "dev/us-east-1").configuration()).containsKeys("vars", "config_digest");
  }
}
