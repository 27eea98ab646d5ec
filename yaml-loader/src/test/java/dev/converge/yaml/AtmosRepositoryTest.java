package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.model.ComponentType;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtmosRepositoryTest {

  @TempDir
  Path dir;

  RepoFiles repo;

  static final String CATALOG = """
      components:
        terraform:
          vpc-defaults:
            metadata:
              type: abstract
            vars:
              cidr: 10.0.0.0/16
              tags: {team: net}
      """;

  static final String DEV = """
      import:
        - catalog/vpc
      vars:
        stage: dev
        region: us-east-1
      terraform:
        backend_type: s3
        backend:
          s3:
            bucket: acme-tfstate
          gcs:
            bucket: unused
      components:
        terraform:
          vpc:
            metadata:
              inherits: [vpc-defaults]
            vars:
              tags: {env: dev}
          database:
            metadata:
              component: database/v2
            settings:
              depends_on:
                1: {component: vpc}
              divergence:
                reason: PostgreSQL 15 upgrade under test
                owner: team-data
                converge_by: 2027-01-15
            vars:
              engine: postgres15
      """;

  static final String PROD = """
      import:
        - catalog/vpc
      vars:
        stage: prod
        region: us-east-1
      components:
        terraform:
          vpc:
            metadata:
              inherits: [vpc-defaults]
          database:
            settings:
              depends_on:
                1: {component: vpc}
      """;

  @BeforeEach
  void setUp() {
    repo = RepoFiles.in(dir)
        .write("components/terraform/database/main.tf", "# v1\n")
        .write("components/terraform/database/v2/main.tf", "# v2\n")
        .write("stacks/catalog/vpc.yaml", CATALOG)
        .write("stacks/deploy/dev.yaml", DEV)
        .write("stacks/deploy/prod.yaml", PROD);
  }

  private static Instance instance(AtmosSnapshot s, String stack, String component) {
    return s.desiredState().instance(InstanceId.of(stack, component)).orElseThrow();
  }

  @Nested
  class WorkingTree {

    @Test
    void load_stacksNamedByTemplate_instancesPerStack() {
      AtmosSnapshot s = repo.load();

      assertThat(s.stacks()).extracting(AtmosStack::name).containsExactly("dev/us-east-1", "prod/us-east-1");
      assertThat(s.desiredState().instances()).extracting(i -> i.id().render()).containsExactly(
          "dev/us-east-1:database", "dev/us-east-1:vpc", "dev/us-east-1:vpc-defaults",
          "prod/us-east-1:database", "prod/us-east-1:vpc", "prod/us-east-1:vpc-defaults");
      assertThat(s.desiredState().revision().id()).isEqualTo("working-tree");
    }

    @Test
    void load_comparisonDigests_sipHashesEqualExactlyWhereTheLedgerDigestsAre() {
      java.util.List<Instance> ledger = AtmosRepository.builder(repo.root()).build().load().desiredState().instances();
      java.util.List<Instance> compared = AtmosRepository.builder(repo.root()).comparisonDigests(true).build().load()
          .desiredState().instances();

      assertThat(compared).extracting(Instance::id).containsExactlyElementsOf(ledger.stream().map(Instance::id).toList());
      for (int a = 0; a < ledger.size(); a++) {
        assertThat(compared.get(a).configDigest()).startsWith(dev.converge.model.ContentDigest.COMPARISON_PREFIX);
        assertThat(compared.get(a).sourceDigest()).isEqualTo(ledger.get(a).sourceDigest());
        for (int b = 0; b < ledger.size(); b++) {
          if (ledger.get(a).isDeployable() != ledger.get(b).isDeployable()) {
            continue; // a ledger load digests the two kinds differently (see the next test)
          }
          assertThat(compared.get(a).configDigest().equals(compared.get(b).configDigest()))
              .as("%s and %s", ledger.get(a).id(), ledger.get(b).id())
              .isEqualTo(ledger.get(a).configDigest().equals(ledger.get(b).configDigest()));
        }
      }
    }

    @Test
    void load_abstractBase_hasAComparisonDigest_deployableOnesTheLedgersSha256() {
      AtmosSnapshot s = repo.load();

      assertThat(instance(s, "dev/us-east-1", "vpc-defaults").configDigest())
          .startsWith(dev.converge.model.ContentDigest.COMPARISON_PREFIX);
      assertThat(instance(s, "dev/us-east-1", "vpc").configDigest()).matches("[0-9a-f]{64}");
      assertThat(s.components()).filteredOn(c -> c.id().component().equals("vpc-defaults"))
          .allSatisfy(c -> assertThat(c.configDigest()).startsWith(dev.converge.model.ContentDigest.COMPARISON_PREFIX));
    }

    /**
     * A component section many stacks import (one object in all of them) inheriting a base that each
     * stack defines its own way: each stack gets its own base's values, on one thread or several, and a
     * stack missing the base is told so even after stacks that had it.
     */
    @Test
    void load_sharedCatalogComponent_inheritsEachStacksOwnBase() {
      repo.write("stacks/catalog/app.yaml", """
          components:
            terraform:
              app:
                metadata:
                  component: vpc
                  inherits: [app-base]
                vars:
                  name: app
          """);
      repo.write("stacks/catalog/base-small.yaml", """
          components:
            terraform:
              app-base:
                metadata: {type: abstract}
                vars: {size: small, zones: [a]}
          """);
      repo.write("components/terraform/vpc/main.tf", "# vpc\n");
      String[] stages = {"a1", "b1", "a2", "b2", "a3"};
      for (String stage : stages) {
        String base = stage.startsWith("a") ? "  - catalog/base-small\n" : "";
        String own = stage.startsWith("b") ? """
            components:
              terraform:
                app-base:
                  metadata: {type: abstract}
                  settings: {list_merge_strategy: append}
                  vars: {size: large-%s, zones: [b]}
            """.formatted(stage) : "";
        repo.write("stacks/deploy/" + stage + ".yaml", "import:\n  - catalog/app\n" + base + "vars:\n  stage: " + stage
            + "\n  region: r\n" + own);
      }
      for (int parallelism : new int[] {1, 3}) {
        AtmosSnapshot s = AtmosRepository.builder(repo.root()).parallelism(parallelism).build().load();
        for (String stage : stages) {
          Instance app = instance(s, stage + "/r", "app");
          assertThat(app.vars()).as("%s, parallelism %d", stage, parallelism)
              .containsEntry("size", stage.startsWith("a") ? "small" : "large-" + stage)
              .containsEntry("zones", stage.startsWith("a") ? List.of("a") : List.of("b"))
              .containsEntry("name", "app");
          assertThat(app.metadata().inherits()).containsExactly("app-base");
        }
        repo.write("stacks/deploy/c1.yaml", "import:\n  - catalog/app\nvars:\n  stage: c1\n  region: r\n");
        assertThatThrownBy(() -> AtmosRepository.builder(repo.root()).parallelism(parallelism).build().load())
            .as("parallelism %d", parallelism).isInstanceOf(ConvergeException.class)
            .hasMessageContaining("inheritance-missing-base").hasMessageContaining("'app' inherits from 'app-base'");
        repo.delete("stacks/deploy/c1.yaml");
      }
    }

    @Test
    void load_inheritance_mergesBaseBelowComponent() {
      Instance vpc = instance(repo.load(), "dev/us-east-1", "vpc");

      assertThat(vpc.vars()).containsEntry("cidr", "10.0.0.0/16")
          .containsEntry("tags", java.util.Map.of("team", "net", "env", "dev"))
          .containsEntry("stage", "dev");
      assertThat(vpc.metadata().inherits()).containsExactly("vpc-defaults");
      assertThat(vpc.isDeployable()).isTrue();
    }

    @Test
    void load_abstractBase_isAnAbstractInstance() {
      Instance base = instance(repo.load(), "dev/us-east-1", "vpc-defaults");

      assertThat(base.metadata().type()).isEqualTo(ComponentType.ABSTRACT);
      assertThat(base.isDeployable()).isFalse();
    }

    @Test
    void load_derivedFolder_workspaceAndKeyPrefixAsAtmos() {
      AtmosSnapshot s = repo.load();
      Instance database = instance(s, "dev/us-east-1", "database");
      Instance vpc = instance(s, "dev/us-east-1", "vpc");

      assertThat(database.folder()).isEqualTo("database/v2");
      assertThat(database.workspace()).contains("dev-us-east-1-database");
      assertThat(database.workspaceKeyPrefix()).contains("database-v2");
      assertThat(vpc.workspace()).contains("dev-us-east-1");
      assertThat(vpc.workspaceKeyPrefix()).contains("vpc");
      assertThat(instance(s, "prod/us-east-1", "database").workspaceKeyPrefix()).isEmpty();
      // the file names and workspaces the runner uses come from the instance, one prefix per stack
      assertThat(vpc.contextPrefix()).isEqualTo("dev-us-east-1").isSameAs(database.contextPrefix());
      assertThat(database.terraformWorkspace()).isEqualTo("dev-us-east-1-database");
      assertThat(database.stateKeyPrefix()).isEqualTo("database-v2");
    }

    @Test
    void load_backend_keepsOnlyTheChosenType() {
      Instance vpc = instance(repo.load(), "dev/us-east-1", "vpc");

      assertThat(vpc.backendType()).contains("s3");
      assertThat(vpc.backend()).containsOnlyKeys("bucket", "workspace_key_prefix");
    }

    @Test
    void load_dependsOn_resolvedToInstanceIdsInTheSameStack() {
      AtmosSnapshot s = repo.load();

      assertThat(instance(s, "dev/us-east-1", "database").dependsOn())
          .containsExactly(InstanceId.of("dev/us-east-1", "vpc"));
      assertThat(s.dependents(InstanceId.of("prod/us-east-1", "vpc")))
          .extracting(ResolvedComponent::id).containsExactly(InstanceId.of("prod/us-east-1", "database"));
    }

    @Test
    void load_settingsDivergence_becomesADeclaration() {
      Instance database = instance(repo.load(), "dev/us-east-1", "database");

      assertThat(database.divergence()).hasValueSatisfying(d -> {
        assertThat(d.reason()).isEqualTo("PostgreSQL 15 upgrade under test");
        assertThat(d.owner()).contains("team-data");
        assertThat(d.convergeBy()).contains(LocalDate.of(2027, 1, 15));
      });
    }

    @Test
    void load_location_namesTheDefiningFile() {
      Instance database = instance(repo.load(), "dev/us-east-1", "database");

      assertThat(database.location()).hasValueSatisfying(l -> assertThat(l.render())
          .isEqualTo("stacks/deploy/dev.yaml:20:5"));
    }

    @Test
    void describeComponent_fullConfiguration() {
      ResolvedComponent c = repo.load().describeComponent("database", "dev/us-east-1");

      assertThat(c.configuration()).containsKeys("vars", "settings", "env", "backend_type", "backend",
          "providers", "overrides", "metadata", "workspace", "component", "inheritance", "imports", "deps",
          "folder", "source_digest", "config_digest", "remote_state_backend", "atmos_stack_file");
      assertThat(c.configuration()).containsEntry("component", "database/v2")
          .containsEntry("atmos_stack_file", "deploy/dev");
      assertThat(c.configuration().get("imports")).isEqualTo(List.of("catalog/vpc"));
    }

    @Test
    void describeComponent_unknownStack_suggestsTheClosest() {
      AtmosSnapshot s = repo.load();

      assertThatThrownBy(() -> s.describeComponent("vpc", "dev/us-east-2"))
          .isInstanceOf(ConvergeException.class)
          .hasMessageContaining("stack dev/us-east-2 not found")
          .hasMessageContaining("Did you mean `dev/us-east-1`?");
      assertThatThrownBy(() -> s.describeComponent("vcp", "dev/us-east-1"))
          .isInstanceOf(ConvergeException.class)
          .hasMessageContaining("Did you mean `vpc`?");
    }

    @Test
    void load_configDigest_followsTheResolvedConfiguration() {
      String before = instance(repo.load(), "dev/us-east-1", "vpc").configDigest();
      String prodBefore = instance(repo.load(), "prod/us-east-1", "vpc").configDigest();

      repo.write("stacks/deploy/dev.yaml", DEV.replace("{env: dev}", "{env: development}"));
      AtmosSnapshot after = repo.load();

      assertThat(instance(after, "dev/us-east-1", "vpc").configDigest()).isNotEqualTo(before);
      assertThat(instance(after, "prod/us-east-1", "vpc").configDigest()).isEqualTo(prodBefore);
    }

    @Test
    void load_templatesInComponentValues_renderedAsAtmosDoes() {
      repo.write("stacks/deploy/dev.yaml", DEV.replace("tags: {env: dev}",
          "tags: {env: dev, name: \"{{ .vars.stage }}-{{ .settings.team }}\"}\n      settings: {team: net}"));

      AtmosSnapshot s = repo.load();
      Instance vpc = instance(s, "dev/us-east-1", "vpc");

      assertThat(vpc.vars().get("tags")).isEqualTo(java.util.Map.of("team", "net", "env", "dev", "name", "dev-net"));
      repo.write("stacks/deploy/dev.yaml", DEV.replace("tags: {env: dev}",
          "tags: {env: dev, name: \"{{ .vars.stage }}-{{ .settings.team }}\"}\n      settings: {team: edge}"));
      assertThat(instance(repo.load(), "dev/us-east-1", "vpc").configDigest()).isNotEqualTo(vpc.configDigest());
    }

    @Test
    void load_templatesWithTemplatingDisabled_keptAsWrittenWithOneWarning() {
      repo.write("atmos.yaml", RepoFiles.ATMOS_YAML.replace("enabled: true", "enabled: false"));
      repo.write("stacks/catalog/vpc.yaml", CATALOG.replace("tags: {team: net}", "tags: {team: net}\n        name: \"{{ .vars.stage }}-vpc\""));

      AtmosSnapshot s = repo.load();

      assertThat(instance(s, "dev/us-east-1", "vpc").vars()).containsEntry("name", "{{ .vars.stage }}-vpc");
      assertThat(s.warnings()).filteredOn(p -> p.rule().equals("templates-disabled")).singleElement()
          .satisfies(p -> assertThat(p.location().orElseThrow().render()).isEqualTo("atmos.yaml"));
    }

    @Test
    void load_otherDelimiters_renderComponentValues_andLeaveBracesAlone() {
      repo.write("atmos.yaml", RepoFiles.ATMOS_YAML + "    delimiters: [\"${\", \"}\"]\n");
      repo.write("stacks/catalog/vpc.yaml", CATALOG.replace("tags: {team: net}",
          "tags: {team: net}\n        name: \"${ .vars.stage }-vpc\"\n        raw: \"{{ kept }}\""));

      AtmosSnapshot s = repo.load();

      assertThat(instance(s, "dev/us-east-1", "vpc").vars()).containsEntry("name", "dev-vpc")
          .containsEntry("raw", "{{ kept }}");
    }

    @Test
    void load_templateOnlyInAnImportedFile_renderedInEveryStack() {
      repo.write("stacks/catalog/vpc.yaml", CATALOG.replace("tags: {team: net}", "tags: {team: net}\n        name: \"{{ .vars.stage }}-vpc\""));

      AtmosSnapshot s = repo.load();

      assertThat(instance(s, "dev/us-east-1", "vpc").vars()).containsEntry("name", "dev-vpc");
      assertThat(instance(s, "prod/us-east-1", "vpc").vars()).containsEntry("name", "prod-vpc");
    }

    @Test
    void load_templateWrittenWithEscapes_renderedLikeAnyOther() {
      // "\x7b" is "{": the file's text has no "{{", its value does
      repo.write("stacks/deploy/dev.yaml", DEV.replace("tags: {env: dev}", "tags: {env: dev}\n        name: \"\\x7b\\x7b .vars.stage }}\""));

      assertThat(instance(repo.load(), "dev/us-east-1", "vpc").vars()).containsEntry("name", "dev");
    }

    @Test
    void load_templateOnlyInAtmosYamlEnv_rendered() {
      repo.write("atmos.yaml", RepoFiles.ATMOS_YAML + "env:\n  STAGE: \"{{ .vars.stage }}\"\n");

      assertThat(instance(repo.load(), "prod/us-east-1", "vpc").env()).containsEntry("STAGE", "prod");
    }

    @Test
    void load_oneStackFromTwoManifests_sameDefinitionKeptOnce_differentOneRefused() {
      String second = """
          vars:
            stage: dev
            region: us-east-1
          components:
            terraform:
              vpc:
                metadata:
                  inherits: [vpc-defaults]
                vars:
                  tags: {env: dev}
          import:
            - catalog/vpc
          """;
      repo.write("stacks/deploy/dev-extra.yaml", second);

      AtmosSnapshot s = repo.load();

      assertThat(s.desiredState().instances()).filteredOn(i -> i.id().equals(InstanceId.of("dev/us-east-1", "vpc")))
          .hasSize(1);
      assertThat(s.stacks()).filteredOn(st -> st.name().equals("dev/us-east-1")).singleElement()
          .satisfies(st -> assertThat(st.manifests()).containsExactly("deploy/dev", "deploy/dev-extra"));

      repo.write("stacks/deploy/dev-extra.yaml", second.replace("{env: dev}", "{env: other}"));
      assertThatThrownBy(repo::load).isInstanceOf(ConvergeException.class)
          .hasMessageContaining("duplicate-component").hasMessageContaining("deploy/dev-extra, deploy/dev");
    }

    @Test
    void load_oneManifestMakingTwoStacks_instancesInStackOrder_dependencyByContextFound() {
      // `edge` sets its own stage, so the name template puts it in a stack of its own, which sorts
      // after the other manifests' stacks while its manifest's other stack sorts before them
      repo.write("stacks/deploy/split.yaml", """
          vars:
            stage: alpha
            region: us-east-1
          components:
            terraform:
              edge:
                vars:
                  stage: qa
              core:
                settings:
                  depends_on:
                    1: {component: edge, stage: qa}
          """);

      AtmosSnapshot s = repo.load();

      assertThat(s.stacks()).extracting(AtmosStack::name)
          .containsExactly("alpha/us-east-1", "dev/us-east-1", "prod/us-east-1", "qa/us-east-1");
      assertThat(s.stacks()).filteredOn(st -> st.name().startsWith("qa")).singleElement()
          .satisfies(st -> assertThat(st.manifests()).containsExactly("deploy/split"));
      assertThat(s.desiredState().instances()).extracting(i -> i.id().render()).containsExactly(
          "alpha/us-east-1:core",
          "dev/us-east-1:database", "dev/us-east-1:vpc", "dev/us-east-1:vpc-defaults",
          "prod/us-east-1:database", "prod/us-east-1:vpc", "prod/us-east-1:vpc-defaults",
          "qa/us-east-1:edge");
      assertThat(s.components()).extracting(c -> c.id().render())
          .isEqualTo(s.desiredState().instances().stream().map(i -> i.id().render()).toList());
      assertThat(instance(s, "alpha/us-east-1", "core").dependsOn())
          .containsExactly(InstanceId.of("qa/us-east-1", "edge"));
    }

    // The working tree lists entries named like YAML files without looking at each: these three
    // tests hold the entries that are not files to what a look at every entry gives.

    /** {@link #PROD} as a third stage, and the stacks a load then has. */
    static final String QA = PROD.replace("stage: prod", "stage: qa");
    static final List<String> WITH_QA = List.of("dev/us-east-1", "prod/us-east-1", "qa/us-east-1");

    @Test
    void load_folderNamedLikeAManifest_walkedInto() {
      repo.write("stacks/deploy/qa.yaml/eu.yaml", QA);

      AtmosSnapshot s = repo.load();

      assertThat(s.stacks()).extracting(AtmosStack::name).containsExactlyElementsOf(WITH_QA);
      assertThat(s.manifests()).extracting(StackManifest::name)
          .containsExactly("deploy/dev", "deploy/prod", "deploy/qa.yaml/eu");
    }

    @Test
    void load_excludedFolderNamedLikeAManifest_neverRead_itsManifestsStillFound() {
      // atmos.yaml excludes **/_defaults.yaml: that folder is left out, the manifest in it is not
      repo.write("stacks/deploy/_defaults.yaml/qa.yaml", QA);

      AtmosSnapshot s = repo.load();

      assertThat(s.stacks()).extracting(AtmosStack::name).containsExactlyElementsOf(WITH_QA);
    }

    @Test
    void load_linkToAManifest_readAsIt_linkToNothingLeftOut() throws IOException {
      repo.write("elsewhere/qa.yaml", QA);
      Files.createSymbolicLink(dir.resolve("stacks/deploy/qa.yaml"), dir.resolve("elsewhere/qa.yaml"));
      Files.createSymbolicLink(dir.resolve("stacks/deploy/gone.yaml"), dir.resolve("nothing.yaml"));

      AtmosSnapshot s = repo.load();

      assertThat(s.stacks()).extracting(AtmosStack::name).containsExactlyElementsOf(WITH_QA);
      assertThat(s.manifests()).extracting(StackManifest::name).doesNotContain("deploy/gone");
    }

    @Test
    void load_stackManifests_withFilesAndImports() {
      AtmosSnapshot s = repo.load();

      assertThat(s.manifests()).extracting(StackManifest::name).containsExactly("deploy/dev", "deploy/prod");
      assertThat(s.manifest("deploy/dev").orElseThrow().stacks()).containsExactly("dev/us-east-1");
      assertThat(s.manifest("deploy/dev").orElseThrow().path()).isEqualTo("stacks/deploy/dev.yaml");
    }
  }

  @Nested
  class Git {

    @Test
    void sourceDigest_equalsGitRevParseOfTheFolder() throws IOException {
      RevCommit commit = repo.commit("first");
      ObjectId expected = repo.git().getRepository().resolve(commit.name() + ":components/terraform/vpc");

      AtmosSnapshot atRevision = AtmosRepository.open(dir).load(commit.name());
      AtmosSnapshot working = AtmosRepository.open(dir).load();

      assertThat(instance(atRevision, "dev/us-east-1", "vpc").sourceDigest()).isEqualTo(expected.name());
      assertThat(instance(working, "dev/us-east-1", "vpc").sourceDigest()).isEqualTo(expected.name());
    }

    @Test
    void sourceDigest_ofADirectoryWithSubfoldersAndAnExecutable_equalsGit() throws IOException {
      repo.write("components/terraform/database/v2/modules/x/main.tf", "# x\n")
          .write("components/terraform/database/v2/run.sh", "#!/bin/sh\n")
          .write("components/terraform/database/v2/a-b.tf", "# a-b\n")
          .write("components/terraform/database/v2/a.tf", "# a\n");
      Files.setPosixFilePermissions(dir.resolve("components/terraform/database/v2/run.sh"),
          PosixFilePermissions.fromString("rwxr-xr-x"));
      RevCommit commit = repo.commit("first");
      ObjectId expected = repo.git().getRepository().resolve(commit.name() + ":components/terraform/database/v2");

      Instance database = instance(AtmosRepository.open(dir).load(), "dev/us-east-1", "database");

      assertThat(database.sourceDigest()).isEqualTo(expected.name());
    }

    @Test
    void sourceDigest_workingTreeWithIgnoredTerraformCache_equalsTheCommit() throws IOException {
      repo.write(".gitignore", ".terraform/\n*.tfstate\n");
      RevCommit commit = repo.commit("first");
      repo.write("components/terraform/vpc/.terraform/providers/aws", "binary\n")
          .write("components/terraform/vpc/terraform.tfstate", "{}\n");
      ObjectId expected = repo.git().getRepository().resolve(commit.name() + ":components/terraform/vpc");

      Instance vpc = instance(AtmosRepository.open(dir).load(), "dev/us-east-1", "vpc");

      assertThat(vpc.sourceDigest()).isEqualTo(expected.name());
    }

    @Test
    void sourceDigest_uncommittedEditInTheWorkingTree_differsFromTheCommit() throws IOException {
      RevCommit commit = repo.commit("first");
      repo.write("components/terraform/vpc/main.tf", "# vpc, edited\n");
      ObjectId committed = repo.git().getRepository().resolve(commit.name() + ":components/terraform/vpc");

      Instance vpc = instance(AtmosRepository.open(dir).load(), "dev/us-east-1", "vpc");

      assertThat(vpc.sourceDigest()).isNotEqualTo(committed.name());
    }

    @Test
    void load_olderRevision_readsThatRevisionsFiles() {
      RevCommit first = repo.commit("first");
      repo.write("stacks/deploy/dev.yaml", DEV.replace("postgres15", "postgres16"));
      RevCommit second = repo.commit("second");

      AtmosRepository atmos = AtmosRepository.open(dir);
      AtmosSnapshot old = atmos.load("HEAD~1");
      AtmosSnapshot head = atmos.load("HEAD");

      assertThat(instance(old, "dev/us-east-1", "database").vars()).containsEntry("engine", "postgres15");
      assertThat(instance(head, "dev/us-east-1", "database").vars()).containsEntry("engine", "postgres16");
      assertThat(old.desiredState().revision().id()).isEqualTo(first.name());
      assertThat(head.desiredState().history()).containsExactly(second.name(), first.name());
      assertThat(head.desiredState().revision().committedAt())
          .contains(java.time.Instant.ofEpochSecond(second.getCommitTime()));
    }

    @Test
    void sourceDigest_unchangedFolder_sameDigestAcrossRevisions() {
      repo.commit("first");
      repo.write("components/terraform/database/v2/main.tf", "# v2, changed\n");
      repo.commit("second");

      AtmosRepository atmos = AtmosRepository.open(dir);
      AtmosSnapshot old = atmos.load("HEAD~1");
      AtmosSnapshot head = atmos.load("HEAD");

      assertThat(instance(head, "dev/us-east-1", "vpc").sourceDigest())
          .isEqualTo(instance(old, "dev/us-east-1", "vpc").sourceDigest());
      assertThat(instance(head, "dev/us-east-1", "database").sourceDigest())
          .isNotEqualTo(instance(old, "dev/us-east-1", "database").sourceDigest());
    }

    @Test
    void load_workingTreeInGit_usesHeadAsRevision() {
      RevCommit commit = repo.commit("first");

      AtmosSnapshot s = AtmosRepository.open(dir).load();

      assertThat(s.desiredState().revision().id()).isEqualTo(commit.name());
      assertThat(s.desiredState().history()).containsExactly(commit.name());
    }

    @Test
    void load_unknownRevision_isAProblem() {
      repo.commit("first");

      assertThatThrownBy(() -> AtmosRepository.open(dir).load("no-such-branch"))
          .isInstanceOf(ConvergeException.class)
          .hasMessageContaining("revision `no-such-branch` does not exist");
    }

    @Test
    void load_atmosRootInASubfolderOfTheWorkTree_readsTheRevision() throws IOException {
      Path sub = dir.resolve("infra");
      RepoFiles nested = RepoFiles.in(sub).write("stacks/deploy/dev.yaml", PROD.replace("prod", "dev"))
          .write("stacks/catalog/vpc.yaml", CATALOG).write("components/terraform/database/main.tf", "# db\n");
      Files.writeString(dir.resolve("README.md"), "outside\n");
      RepoFiles outer = RepoFiles.bare(dir);
      RevCommit commit = outer.commit("nested");
      ObjectId expected = outer.git().getRepository().resolve(commit.name() + ":infra/components/terraform/vpc");

      AtmosSnapshot s = AtmosRepository.open(nested.root()).load("HEAD");

      assertThat(instance(s, "dev/us-east-1", "vpc").sourceDigest()).isEqualTo(expected.name());
    }
  }

  @Nested
  class RolloutAndVendor {

    @Test
    void load_rolloutYaml_becomesThePipeline() {
      repo.write("rollout.yaml", """
          rollout_window: 12h
          production: [prod]
          environments:
            dev:
              stacks: ["dev/*"]
              checks: [smoke]
            prod:
              after: [dev]
              stacks: ["prod/*"]
              soak: 30m
              approvals: 1
              max_parallel: 4
              windows: ["Mon-Thu 09:00-16:00 UTC"]
              freezes:
                - {from: 2026-12-20T00:00:00Z, to: 2027-01-04T00:00:00Z, reason: holiday freeze}
              waves: [["prod/us-east-1"], ["prod/*"]]
          divergences:
            - component: database
              environments: [dev]
              reason: PostgreSQL 15 upgrade under test
              owner: team-data
              converge_by: 2027-01-15
          """);

      Pipeline pipeline = repo.load().pipeline().orElseThrow();

      assertThat(pipeline.rolloutWindow()).isEqualTo(Duration.ofHours(12));
      assertThat(pipeline.order()).extracting(e -> e.name()).containsExactly("dev", "prod");
      assertThat(pipeline.environment("prod").orElseThrow().soak()).isEqualTo(Duration.ofMinutes(30));
      assertThat(pipeline.environment("prod").orElseThrow().waves()).hasSize(2);
      assertThat(pipeline.environment("prod").orElseThrow().freezes()).hasSize(1);
      assertThat(pipeline.environmentsOf("prod/us-east-1")).extracting(e -> e.name()).containsExactly("prod");
      assertThat(pipeline.divergences()).singleElement()
          .satisfies(d -> assertThat(d.component()).contains("database"));
    }

    @Test
    void load_vendorImports_readFirst() {
      repo.write("vendor.yaml", """
          spec:
            imports: [vendor/extra.yaml]
            sources:
              - {component: vpc, source: "git::x?ref={{.Version}}", version: 2.0.0, targets: ["components/terraform/vpc/{{.Version}}"]}
          """).write("vendor/extra.yaml", """
          spec:
            sources:
              - {component: dns, source: "git::y", version: 1.0.0, targets: ["../components/terraform/dns-{{.Version}}"]}
          """);

      assertThat(repo.load().vendorPins()).extracting(VendorPin::folder).containsExactly("dns-1.0.0", "vpc/2.0.0");
    }

    @Test
    void load_noRolloutYaml_noPipeline() {
      assertThat(repo.load().pipeline()).isEmpty();
    }

    @Test
    void load_vendorYaml_pinsTargetFoldersAtTheirVersion() {
      repo.write("vendor.yaml", """
          apiVersion: atmos/v1
          kind: AtmosVendorConfig
          spec:
            sources:
              - component: vpc
                source: "github.com/cloudposse/terraform-aws-components.git//modules/vpc?ref={{.Version}}"
                version: 1.2.3
                targets:
                  - "components/terraform/{{ .Component }}/{{.Version}}"
          """);

      List<VendorPin> pins = repo.load().vendorPins();

      assertThat(pins).singleElement().satisfies(p -> {
        assertThat(p.folder()).isEqualTo("vpc/1.2.3");
        assertThat(p.version()).contains("1.2.3");
        assertThat(p.source()).endsWith("?ref=1.2.3");
      });
    }
  }
}
