package dev.converge.affected;

import static dev.converge.testing.TestData.chain;
import static dev.converge.testing.TestData.desired;
import static dev.converge.testing.TestData.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.model.ComponentMetadata;
import dev.converge.model.ComponentType;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderInventory;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.model.VendoredFolder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AffectedTest {

  static final String[] STACKS = {"dev/us-east-1", "staging/us-east-1", "prod/us-east-1"};

  static DesiredState head(List<Instance> instances) {
    return DesiredState.builder().revision(Revision.of("head999")).addAllInstances(instances).build();
  }

  static AffectedReport between(DesiredState base, DesiredState head, String... files) {
    return Affected.of(chain()).between(base, head, List.of(files));
  }

  static List<String> texts(AffectedInstance a) {
    return a.reasons().stream().map(AffectedReason::text).toList();
  }

  @Nested
  class Between {

    @Test
    void between_sameState_nothingAffected() {
      DesiredState state = desired(instance("dev/a", "vpc"), instance("prod/a", "vpc"));

      AffectedReport report = between(state, state);

      assertThat(report.isEmpty()).isTrue();
      assertThat(report.base()).isEqualTo(report.head());
    }

    @Test
    void between_catalogImportChanged_everyEnvironmentAffectedNamingTheImport() {
      List<Instance> before = java.util.Arrays.stream(STACKS).map(s -> instance(s, "vpc")
          .withVars(Map.of("enable_dns_support", false, "cidr_block", s)).withImports(List.of("catalog/vpc", "mixins/region"))).toList();
      List<Instance> after = before.stream().map(i -> {
        Map<String, Object> vars = new java.util.HashMap<>(i.vars());
        vars.put("enable_dns_support", true);
        return i.withVars(vars).withConfigDigest(i.configDigest() + "-dns");
      }).toList();

      AffectedReport report = between(desired(before), head(after), "stacks/catalog/vpc.yaml");

      assertThat(report.affected()).extracting(a -> a.environment().orElseThrow()).containsExactly("dev", "staging", "prod");
      assertThat(report.affected()).allSatisfy(a -> assertThat(a.reasons()).containsExactly(
          AffectedReason.of(ReasonKind.VARS, "stack.vars changed: enable_dns_support (import catalog/vpc)")));
    }

    @Test
    void between_folderFilesChanged_componentReasonNamingTheFiles() {
      Instance before = instance("dev/a", "vpc");
      Instance after = before.withSourceDigest("src-vpc-v3");

      AffectedReport report = between(desired(before), head(List.of(after)),
          "components/terraform/vpc/main.tf", "components/terraform/vpc/variables.tf", "README.md");

      assertThat(report.affected()).singleElement().satisfies(a -> assertThat(a.reasons()).containsExactly(
          AffectedReason.of(ReasonKind.COMPONENT, "component folder vpc changed (2 files: main.tf, variables.tf)")));
    }

    @Test
    void between_folderVersionChanged_onlyItsInstancesAffected() {
      Instance devV2 = instance("dev/a", "database", "database/v2", "1");
      Instance prodV1 = instance("prod/a", "database", "database/v1", "1");

      AffectedReport report = between(desired(devV2, prodV1), head(List.of(devV2.withSourceDigest("new"), prodV1)),
          "components/terraform/database/v2/main.tf");

      assertThat(report.affected()).extracting(AffectedInstance::instance).containsExactly(devV2.id());
    }

    @Test
    void between_stackRepointedToAnotherFolder_metadataAndBackendReasons() {
      Instance before = instance("dev/a", "vpc").withWorkspaceKeyPrefix("vpc");
      Instance after = instance("dev/a", "vpc", "vpc-experiment", "1").withWorkspaceKeyPrefix("vpc-experiment")
          .withConfigDigest("cfg-new");

      AffectedInstance affected = between(desired(before), head(List.of(after))).affected().get(0);

      assertThat(affected.folder()).isEqualTo("vpc-experiment");
      assertThat(texts(affected)).containsExactly("metadata.component changed from vpc to vpc-experiment",
          "workspace_key_prefix changed from vpc to vpc-experiment: its state moves");
    }

    @Test
    void between_vendoredSourceChanged_vendoredReason() {
      Instance before = instance("prod/a", "vpc", "vpc/1.2.3", "1");
      FolderInventory pins = FolderInventory.builder().addVendored(VendoredFolder.of("vpc/1.2.3", "1.2.3")).build();
      FolderInventory newer = FolderInventory.builder().addVendored(VendoredFolder.of("vpc/1.2.3", "1.2.4")).build();

      AffectedReport files = Affected.of(chain()).withFolders(pins, pins)
          .between(desired(before), head(List.of(before.withSourceDigest("x"))), List.of("components/terraform/vpc/1.2.3/main.tf"));
      AffectedReport entry = Affected.of(chain()).withFolders(pins, newer)
          .between(desired(before), head(List.of(before)), List.of("vendor.yaml"));

      assertThat(files.affected().get(0).reasons()).containsExactly(
          AffectedReason.of(ReasonKind.VENDORED, "vendored source of vpc/1.2.3 changed (1 file: main.tf)"));
      assertThat(entry.affected().get(0).reasons()).containsExactly(
          AffectedReason.of(ReasonKind.VENDORED, "vendored source of vpc/1.2.3 changed (vendor.yaml: version 1.2.3 -> 1.2.4)"));
    }

    @Test
    void between_releaseTrackPromotedAlphaToBeta_onlyTheBetaEnvironmentAffected() {
      Instance alpha = instance("dev/us-east-1", "vpc", "alpha/vpc", "3");
      Instance beta = instance("staging/us-east-1", "vpc", "beta/vpc", "2");
      Instance stable = instance("prod/us-east-1", "vpc", "stable/vpc", "1");
      Instance promoted = beta.withSourceDigest(alpha.sourceDigest());

      AffectedReport report = between(desired(alpha, beta, stable), head(List.of(alpha, promoted, stable)),
          "components/terraform/beta/vpc/main.tf");

      assertThat(report.affected()).singleElement().satisfies(a -> {
        assertThat(a.environment()).contains("staging");
        assertThat(texts(a)).containsExactly("component folder beta/vpc changed (1 file: main.tf)");
      });
    }

    @Test
    void between_everySectionCompared() {
      Instance before = instance("dev/a", "vpc");
      Instance after = before.withEnv(Map.of("TF_LOG", "debug")).withSettings(Map.of("spacelift", true))
          .withBackend(Map.of("bucket", "b")).withBackendType("s3").withWorkspace("dev-a-vpc");

      assertThat(between(desired(before), head(List.of(after))).affected().get(0).reasons())
          .extracting(AffectedReason::kind)
          .containsExactly(ReasonKind.ENV, ReasonKind.SETTINGS, ReasonKind.BACKEND, ReasonKind.BACKEND_TYPE, ReasonKind.WORKSPACE);
    }

    @Test
    void between_onlyTheDigestChanged_configurationReason() {
      Instance before = instance("dev/a", "vpc");

      assertThat(between(desired(before), head(List.of(before.withConfigDigest("other")))).affected().get(0).reasons())
          .extracting(AffectedReason::kind).containsExactly(ReasonKind.CONFIGURATION);
    }

    @Test
    void between_stackFileChanged_namesTheStackFile() {
      Instance before = instance("dev/us-east-1", "vpc").withVars(Map.of("cidr_block", "10.0.0.0/16"));
      Instance after = before.withVars(Map.of("cidr_block", "10.9.0.0/16"));

      assertThat(texts(between(desired(before), head(List.of(after)), "stacks/dev/us-east-1.yaml").affected().get(0)))
          .containsExactly("stack.vars changed: cidr_block (stack file stacks/dev/us-east-1.yaml)");
    }
  }

  @Nested
  class AddedAndDeleted {

    @Test
    void between_newInstance_added() {
      Instance vpc = instance("dev/a", "vpc");
      Instance eks = instance("dev/a", "eks");

      AffectedReport report = between(desired(vpc), head(List.of(vpc, eks)));

      assertThat(report.affected()).singleElement().satisfies(a -> {
        assertThat(a.instance()).isEqualTo(eks.id());
        assertThat(a.has(ReasonKind.ADDED)).isTrue();
      });
    }

    @Test
    void between_removedInstanceAndStack_deletedSayingWhich() {
      Instance devVpc = instance("dev/a", "vpc");
      Instance devEks = instance("dev/a", "eks");
      Instance prodVpc = instance("prod/a", "vpc");

      AffectedReport report = between(desired(devVpc, devEks, prodVpc), head(List.of(devVpc)));

      assertThat(report.affected()).extracting(a -> a.instance().render() + " " + texts(a).get(0)).containsExactly(
          "dev/a:eks deleted; destroying it needs an approval",
          "prod/a:vpc deleted with its stack prod/a; destroying it needs an approval");
    }

    @Test
    void between_abstractComponents_neverReported() {
      Instance base = instance("dev/a", "vpc-base").withMetadata(ComponentMetadata.builder().type(ComponentType.ABSTRACT).build());

      assertThat(between(desired(base), head(List.of(base.withVars(Map.of("x", 1)).withConfigDigest("x")))).isEmpty()).isTrue();
      assertThat(between(desired(base), head(List.of())).isEmpty()).isTrue();
    }

    @Test
    void between_disabledOnBothSides_notReported() {
      Instance off = instance("dev/a", "vpc").withMetadata(ComponentMetadata.builder().enabled(false).build());

      assertThat(between(desired(off), head(List.of(off.withConfigDigest("x")))).isEmpty()).isTrue();
    }

    @Test
    void between_disabledInHead_metadataReason() {
      Instance on = instance("dev/a", "vpc");
      Instance off = on.withMetadata(ComponentMetadata.builder().enabled(false).build());

      assertThat(texts(between(desired(on), head(List.of(off))).affected().get(0))).containsExactly("disabled (metadata.enabled: false)");
    }
  }

  @Nested
  class Dependencies {

    final List<Instance> chainOf = java.util.Arrays.stream(new String[] {"dev/a", "prod/a"}).flatMap(s -> java.util.stream.Stream.of(
        instance(s, "vpc"),
        instance(s, "eks").withDependsOn(List.of(InstanceId.of(s, "vpc"))),
        instance(s, "app").withDependsOn(List.of(InstanceId.of(s, "eks"))),
        instance(s, "dns"))).toList();

    @Test
    void between_vpcChanged_dependentsAffectedTransitivelyInEveryEnvironment() {
      List<Instance> after = chainOf.stream().map(i -> i.component().equals("vpc") ? i.withSourceDigest("src-vpc-v3") : i).toList();

      AffectedReport report = between(desired(chainOf), head(after), "components/terraform/vpc/main.tf");

      assertThat(report.affected()).extracting(a -> a.instance().render()).containsExactly(
          "dev/a:app", "dev/a:eks", "dev/a:vpc", "prod/a:app", "prod/a:eks", "prod/a:vpc");
      assertThat(report.instance(InstanceId.of("prod/a", "app")).orElseThrow().reasons()).containsExactly(
          AffectedReason.of(ReasonKind.DEPENDENCY, "depends on prod/a:eks, which is affected"));
    }

    @Test
    void between_dependentChangedItself_keepsEveryReason() {
      List<Instance> after = chainOf.stream().map(i -> i.component().equals("vpc") || i.id().equals(InstanceId.of("dev/a", "eks"))
          ? i.withSourceDigest("new-" + i.component()) : i).toList();

      AffectedInstance eks = between(desired(chainOf), head(after)).instance(InstanceId.of("dev/a", "eks")).orElseThrow();

      assertThat(eks.reasons()).extracting(AffectedReason::kind).containsExactly(ReasonKind.COMPONENT, ReasonKind.DEPENDENCY);
    }

    @Test
    void between_dependsOnChanged_dependenciesReason() {
      Instance eks = instance("dev/a", "eks");
      Instance after = eks.withDependsOn(List.of(InstanceId.of("dev/a", "vpc")));

      assertThat(texts(between(desired(eks, instance("dev/a", "vpc")), head(List.of(after, instance("dev/a", "vpc")))).affected().get(0)))
          .containsExactly("depends_on changed from nothing to [dev/a:vpc]");
    }
  }

  @Nested
  class Arguments {

    @Test
    void withComponentsBasePath_blank_failsNamingThePath() {
      assertThatThrownBy(() -> Affected.of(chain()).withComponentsBasePath("./"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path (./)");
    }

    @Test
    void withComponentsBasePath_custom_usedForFileNames() {
      Instance before = instance("dev/a", "vpc");

      AffectedReport report = Affected.of(chain()).withComponentsBasePath("infra/components/terraform/")
          .between(desired(before), head(List.of(before.withSourceDigest("x"))), List.of("infra/components/terraform/vpc/main.tf"));

      assertThat(texts(report.affected().get(0))).containsExactly("component folder vpc changed (1 file: main.tf)");
    }
  }
}
