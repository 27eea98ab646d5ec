package dev.converge.estate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.model.ComponentFolder;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderClassifier;
import dev.converge.model.FolderInventory;
import dev.converge.model.FolderKind;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.model.VendoredFolder;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.pipeline.StackGlob;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The estate of a small hand-made desired state: every view, looked up and checked. */
class EstateTest {

  static Instance instance(String stack, String component, String folder, String sourceDigest) {
    return Instance.builder().id(InstanceId.of(stack, component)).folder(folder).sourceDigest(sourceDigest)
        .configDigest("c-" + stack).manifest(Optional.of("deploy/" + stack)).build();
  }

  static final Pipeline PIPELINE = Pipeline.builder()
      .addEnvironment(Environment.builder().name("dev").addStack(StackGlob.of("dev/*")).build())
      .addEnvironment(Environment.builder().name("staging").addAfter("dev").addStack(StackGlob.of("staging/*")).build())
      .addEnvironment(Environment.builder().name("prod").addAfter("staging").addStack(StackGlob.of("prod/*")).build())
      .addTracks("alpha", "beta")
      .build();

  static final DesiredState DESIRED = DesiredState.builder()
      .revision(Revision.of("r1", Instant.parse("2026-11-26T09:00:00Z")))
      .addInstances(
          instance("dev/eu", "vpc", "vpc", "s-trunk"),
          instance("dev/eu", "database", "database/v2", "s-db2"),
          instance("staging/eu", "vpc", "beta/vpc", "s-beta"),
          instance("prod/eu", "vpc", "vpc/1.2.3", "s-123"),
          instance("prod/us", "vpc", "vpc/1.2.3", "s-123"),
          instance("prod/eu", "critical-service", "critical-service-v1.2.3", "s-crit"),
          instance("sandbox/x", "vpc", "vpc", "s-trunk"))
      .build();

  static final FolderInventory FOLDERS = FolderInventory.builder()
      .addFolders("vpc", "beta/vpc", "alpha/vpc", "vpc/1.2.3", "vpc/1.10.0", "vpc/1.9.2", "database/v2",
          "critical-service-v1.2.3")
      .addVendored(VendoredFolder.builder().folder("critical-service-v1.2.3").version("v1.2.3")
          .source("git::https://example.com/components.git").build())
      .build();

  static final Estate ESTATE = Estate.of(DESIRED, PIPELINE,
      FolderClassifier.defaults().withTracks(PIPELINE.tracks()).withVendorTargets(FOLDERS.vendorTargets()), FOLDERS);

  @Test
  void stacksKnowTheirManifestEnvironmentAndInstances() {
    assertThat(ESTATE.stacks()).extracting(Stack::name)
        .containsExactly("dev/eu", "prod/eu", "prod/us", "sandbox/x", "staging/eu");
    Stack prod = ESTATE.stack("prod/eu").orElseThrow();
    assertThat(prod.manifest()).hasValue("deploy/prod/eu");
    assertThat(prod.environment()).hasValue("prod");
    assertThat(prod.instances()).extracting(Instance::component).containsExactly("critical-service", "vpc");
    assertThat(ESTATE.stack("sandbox/x").orElseThrow().environment()).isEmpty();
    assertThat(ESTATE.stacksOf("prod")).extracting(Stack::name).containsExactly("prod/eu", "prod/us");
    assertThat(ESTATE.stacksOf("nowhere")).isEmpty();
    assertThat(ESTATE.stack("missing")).isEmpty();
  }

  @Test
  void componentsListTheFoldersTheirInstancesRunClassified() {
    Component vpc = ESTATE.component("vpc").orElseThrow();
    assertThat(vpc.type()).isEqualTo("terraform");
    assertThat(vpc.trunkFolder()).isEqualTo("vpc");
    assertThat(vpc.folders()).extracting(ComponentFolder::path, ComponentFolder::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("beta/vpc", FolderKind.RELEASE_TRACK),
        org.assertj.core.groups.Tuple.tuple("vpc", FolderKind.TRUNK),
        org.assertj.core.groups.Tuple.tuple("vpc/1.2.3", FolderKind.STRICT_PIN));
    assertThat(vpc.isConverged()).isFalse();
    assertThat(vpc.instances()).extracting(Instance::stack)
        .containsExactly("dev/eu", "prod/eu", "prod/us", "sandbox/x", "staging/eu");
    // no instance runs database's trunk folder: its trunk is the base of the folder it runs
    assertThat(ESTATE.component("database").orElseThrow().trunkFolder()).isEqualTo("database");
  }

  @Test
  void tracksInPromotionOrderWithTheirFolders() {
    assertThat(ESTATE.tracks()).extracting(Track::name, Track::order, t -> t.promotesTo().orElse("-"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("alpha", 0, "beta"),
            org.assertj.core.groups.Tuple.tuple("beta", 1, "-"));
    assertThat(ESTATE.track("alpha").orElseThrow().folders()).extracting(ComponentFolder::path).containsExactly("alpha/vpc");
    assertThat(ESTATE.track("beta").orElseThrow().folders()).extracting(ComponentFolder::path).containsExactly("beta/vpc");
  }

  @Test
  void pinsSayWhereTheyArePinnedAndHowFarBehind() {
    assertThat(ESTATE.pins()).extracting(Pin::folder)
        .containsExactly("critical-service-v1.2.3", "vpc/1.10.0", "vpc/1.2.3", "vpc/1.9.2");
    Pin vpc = ESTATE.pins().stream().filter(p -> p.folder().equals("vpc/1.2.3")).findFirst().orElseThrow();
    assertThat(vpc.where()).isEqualTo(Pin.Where.FOLDER_NAME);
    assertThat(vpc.base()).isEqualTo("vpc");
    assertThat(vpc.version()).hasValue("1.2.3");
    assertThat(vpc.stacks()).containsExactly("prod/eu", "prod/us");
    // 1.9.2 and 1.10.0 are newer, compared by number, not as text
    assertThat(vpc.newerVersions()).containsExactly("1.9.2", "1.10.0");
    assertThat(vpc.versionsBehind()).isEqualTo(2);
    assertThat(vpc.differsFromTrunk()).hasValue(true);
    Pin newest = ESTATE.pins().stream().filter(p -> p.folder().equals("vpc/1.10.0")).findFirst().orElseThrow();
    assertThat(newest.versionsBehind()).isZero();
    assertThat(newest.stacks()).isEmpty();
    assertThat(newest.differsFromTrunk()).isEmpty();

    Pin vendored = ESTATE.pins().get(0);
    assertThat(vendored.where()).isEqualTo(Pin.Where.VENDOR_YAML);
    assertThat(vendored.source()).hasValue("git::https://example.com/components.git");
    assertThat(vendored.version()).hasValue("v1.2.3");
  }

  @Test
  void desiredStateLooksInstancesUpById() {
    assertThat(DESIRED.instance(InstanceId.of("prod/us", "vpc"))).map(Instance::folder).hasValue("vpc/1.2.3");
    assertThat(DESIRED.instance(InstanceId.of("prod/us", "eks"))).isEmpty();
  }
}
