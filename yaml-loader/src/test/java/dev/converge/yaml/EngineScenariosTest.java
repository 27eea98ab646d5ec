package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.affected.Affected;
import dev.converge.affected.AffectedInstance;
import dev.converge.affected.AffectedReport;
import dev.converge.affected.ReasonKind;
import dev.converge.convergence.CellState;
import dev.converge.convergence.ComponentStatus;
import dev.converge.convergence.Convergence;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.convergence.DivergenceClass;
import dev.converge.diagnostic.Problem;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.lint.LintRule;
import dev.converge.lint.Linter;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderInventory;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.VendoredFolder;
import dev.converge.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine (status, lint, affected) on the seed's scenarios, each a small Atmos repository with
 * real git history, loaded by the YAML loader: what a user of {@code converge} sees.
 */
class EngineScenariosTest {

  static final String ROLLOUT = """
      rollout_window: 24h
      production: [prod]
      tracks: [alpha, beta, stable]
      environments:
        dev:
          stacks: ["dev/*"]
          checks: [smoke]
        staging:
          after: [dev]
          stacks: ["staging/*"]
          soak: 30m
        prod:
          after: [staging]
          stacks: ["prod/*"]
          soak: 2h
      divergences:
        - component: database
          environments: [dev, staging]
          reason: "PostgreSQL 15 upgrade under test"
          owner: team-data
          converge_by: 2027-01-15
      """;

  @TempDir
  Path dir;

  /** A repository with dev, staging and prod stacks in us-east-1, each defining {@code components}. */
  RepoFiles estate(String devComponents, String stagingComponents, String prodComponents) {
    return RepoFiles.in(dir)
        .write("rollout.yaml", ROLLOUT)
        .write("stacks/deploy/dev.yaml", stack("dev", devComponents))
        .write("stacks/deploy/staging.yaml", stack("staging", stagingComponents))
        .write("stacks/deploy/prod.yaml", stack("prod", prodComponents));
  }

  static String stack(String stage, String components) {
    return "import:\n  - catalog/defaults\nvars:\n  stage: " + stage + "\n  region: us-east-1\n"
        + "terraform:\n  backend_type: s3\n  backend:\n    s3:\n      bucket: acme-tfstate\n"
        + "components:\n  terraform:\n" + components.indent(4);
  }

  static AtmosSnapshot load(RepoFiles repo, RevCommit commit) {
    return AtmosRepository.open(repo.root()).load(commit.name());
  }

  static Instance instance(AtmosSnapshot s, String stack, String component) {
    return s.desiredState().instance(InstanceId.of(stack, component)).orElseThrow();
  }

  static Deployment deployed(Instance i, String revision, Instant at) {
    return Deployment.builder().at(at).instance(i.id()).folder(i.folder()).revision(revision)
        .sourceDigest(i.sourceDigest()).configDigest(i.configDigest()).outcome(Outcome.SUCCESS).actor("ci").build();
  }

  /** Every deployable instance of {@code s} deployed at its revision. */
  static List<LedgerRecord> everything(AtmosSnapshot s, Instant at) {
    return s.desiredState().instances().stream().filter(Instance::isDeployable)
        .map(i -> (LedgerRecord) deployed(i, s.desiredState().revision().id(), at)).toList();
  }

  /** The folders under components/terraform that hold files, and the vendor pins: what lint checks folders against. */
  static FolderInventory folders(AtmosSnapshot s, Path root) {
    Path base = root.resolve("components/terraform");
    FolderInventory.Builder inventory = FolderInventory.builder();
    try (Stream<Path> files = Files.walk(base)) {
      files.filter(Files::isRegularFile).map(f -> base.relativize(f.getParent()).toString().replace('\\', '/'))
          .filter(f -> !f.isEmpty()).distinct().forEach(inventory::addFolder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (VendorPin pin : s.vendorPins()) {
      VendoredFolder.Builder v = VendoredFolder.builder().folder(pin.folder()).version(pin.version()).source(pin.source());
      pin.location().ifPresent(v::location);
      inventory.addVendored(v.build());
    }
    return inventory.build();
  }

  static ConvergenceReport status(AtmosSnapshot s, List<LedgerRecord> ledger, Instant now) {
    return Convergence.of(s.pipeline().orElseThrow()).withLedger(Ledger.of(ledger)).at(now).report(s.desiredState());
  }

  static Instant landed(AtmosSnapshot s) {
    return s.desiredState().revision().committedAt().orElseThrow();
  }

  @Nested
  class DivergenceWalkthrough {

    @Test
    void status_commitRollsOutThroughThePipeline_operationalThenConverged() {
      RepoFiles repo = estate("vpc: {vars: {cidr_block: 10.0.0.0/16}}", "vpc: {vars: {cidr_block: 10.1.0.0/16}}",
          "vpc: {vars: {cidr_block: 10.2.0.0/16}}").write("stacks/catalog/defaults.yaml", "vars: {}\n");
      RevCommit xyz = repo.commit("vpc v1");
      repo.write("components/terraform/vpc/main.tf", "# vpc with NAT\n");
      RevCommit abc = repo.commit("vpc: NAT gateway");
      AtmosSnapshot before = load(repo, xyz);
      AtmosSnapshot head = load(repo, abc);
      Instant t0 = landed(head);
      List<LedgerRecord> ledger = new ArrayList<>(everything(before, t0.minus(Duration.ofDays(1))));
      ledger.add(deployed(instance(head, "dev/us-east-1", "vpc"), abc.name(), t0.plus(Duration.ofMinutes(5))));

      ComponentStatus timeZero = status(head, ledger, t0.plus(Duration.ofMinutes(10))).component("vpc").orElseThrow();

      ledger.add(CheckResult.builder().at(t0.plus(Duration.ofMinutes(10))).environment("dev").revision(abc.name())
          .check("smoke").outcome(Outcome.SUCCESS).build());
      ledger.add(deployed(instance(head, "staging/us-east-1", "vpc"), abc.name(), t0.plus(Duration.ofMinutes(45))));
      ledger.add(deployed(instance(head, "prod/us-east-1", "vpc"), abc.name(), t0.plus(Duration.ofHours(3))));
      ComponentStatus later = status(head, ledger, t0.plus(Duration.ofHours(3))).component("vpc").orElseThrow();

      assertThat(timeZero.divergenceClass()).isEqualTo(DivergenceClass.OPERATIONAL);
      assertThat(timeZero.waitingOn()).contains("staging");
      assertThat(timeZero.cells()).extracting(c -> c.state())
          .containsExactly(CellState.CURRENT, CellState.BEHIND, CellState.BEHIND);
      assertThat(timeZero.cells()).extracting(c -> c.overriddenVars()).containsOnly(List.of("cidr_block", "stage"));
      assertThat(later.divergenceClass()).isEqualTo(DivergenceClass.CONVERGED);
    }
  }

  @Nested
  class PlannedDivergence {

    @Test
    void status_databaseVersionsDeclaredInRolloutYaml_plannedThenOverdueTheDayAfter() {
      String v2 = "database: {metadata: {component: database/v2}, vars: {engine_version: '15.4'}}";
      RepoFiles repo = estate(v2, v2, "database: {metadata: {component: database/v1}, vars: {engine_version: '13.7'}}")
          .write("stacks/catalog/defaults.yaml", "vars: {}\n")
          .write("components/terraform/database/v1/main.tf", "# pg 13\n")
          .write("components/terraform/database/v2/main.tf", "# pg 15\n");
      AtmosSnapshot head = load(repo, repo.commit("database v2 in dev and staging"));
      List<LedgerRecord> ledger = everything(head, landed(head));

      ComponentStatus onTheDate = status(head, ledger, Instant.parse("2027-01-15T12:00:00Z")).component("database").orElseThrow();
      ComponentStatus dayAfter = status(head, ledger, Instant.parse("2027-01-16T00:00:00Z")).component("database").orElseThrow();

      assertThat(onTheDate.divergenceClass()).isEqualTo(DivergenceClass.PLANNED);
      assertThat(onTheDate.reasons().get(0)).startsWith("dev, staging on database/v2; prod on database/v1 (declared: PostgreSQL 15");
      assertThat(dayAfter.divergenceClass()).isEqualTo(DivergenceClass.PLANNED_OVERDUE);
    }
  }

  @Nested
  class Experiment {

    static final String PINNED = """
        vpc:
          metadata:
            component: vpc-experiment
          settings:
            workspace_key_prefix: "vpc"
          vars:
            name: "dev-vpc-experiment"
        """;

    RepoFiles repo(String dev, String prod) {
      return estate(dev, "vpc: {}", prod).write("stacks/catalog/defaults.yaml", "vars: {}\n")
          .write("components/terraform/vpc-experiment/main.tf", "# experiment\n");
    }

    @Test
    void lint_seedExperimentInDev_stateKeyRuleFiresAtTheStackFile() {
      AtmosSnapshot head = load(repo(PINNED, "vpc: {}"), repo(PINNED, "vpc: {}").commit("pin dev to the experiment"));

      List<Problem> problems = Linter.of(head.pipeline().orElseThrow()).withFolders(folders(head, dir)).lint(head.desiredState())
          .stream().filter(p -> p.stack().isPresent()).toList();

      assertThat(problems).extracting(Problem::rule).containsExactly(
          LintRule.SETTINGS_WORKSPACE_KEY_PREFIX.id(), LintRule.STATE_KEY_STABILITY.id());
      assertThat(problems).allSatisfy(p -> {
        assertThat(p.stack()).contains("dev/us-east-1");
        assertThat(p.location()).hasValueSatisfying(l -> assertThat(l.file()).endsWith("stacks/deploy/dev.yaml"));
      });
      assertThat(problems.get(1).message()).contains("workspace_key_prefix `vpc-experiment` instead of `vpc`")
          .contains("workspace `dev-us-east-1-vpc` instead of `dev-us-east-1`");
    }

    @Test
    void lint_samePinInProd_experimentInProductionError() {
      RepoFiles repo = repo("vpc: {}", PINNED);
      AtmosSnapshot head = load(repo, repo.commit("pin prod to the experiment"));

      List<Problem> problems = Linter.of(head.pipeline().orElseThrow()).lint(head.desiredState());

      assertThat(problems).filteredOn(p -> p.rule().equals(LintRule.EXPERIMENT_IN_PRODUCTION.id())).singleElement()
          .satisfies(p -> assertThat(p.isError()).isTrue());
    }

    @Test
    void status_devOnTheExperiment_experiment() {
      RepoFiles repo = repo(PINNED, "vpc: {}");
      AtmosSnapshot head = load(repo, repo.commit("pin dev to the experiment"));

      assertThat(status(head, everything(head, landed(head)), landed(head).plusSeconds(60)).component("vpc").orElseThrow()
          .divergenceClass()).isEqualTo(DivergenceClass.EXPERIMENT);
    }
  }

  @Nested
  class Emergency {

    @Test
    void status_prodOnTheHotfix_emergency() {
      RepoFiles repo = estate("vpc: {}", "vpc: {}", "vpc: {metadata: {component: vpc-hotfix}}")
          .write("stacks/catalog/defaults.yaml", "vars: {}\n")
          .write("components/terraform/vpc-hotfix/main.tf", "# hotfix\n");
      AtmosSnapshot head = load(repo, repo.commit("prod on the hotfix"));

      ComponentStatus vpc = status(head, everything(head, landed(head)), landed(head).plusSeconds(60)).component("vpc").orElseThrow();

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.EMERGENCY);
    }
  }

  @Nested
  class StrictPin {

    @Test
    void statusAndLint_vendoredPinLeftBehindByTrunk_reportedWithHowFar() {
      RepoFiles repo = estate("vpc: {}", "vpc: {}", "vpc: {metadata: {component: vpc/1.2.3}}")
          .write("stacks/catalog/defaults.yaml", "vars: {}\n")
          .write("components/terraform/vpc/1.2.3/main.tf", "# 1.2.3\n")
          .write("components/terraform/vpc/1.4.0/main.tf", "# 1.4.0\n")
          .write("vendor.yaml", """
              apiVersion: atmos/v1
              kind: AtmosVendorConfig
              spec:
                sources:
                  - component: vpc
                    source: "github.com/acme/components.git//vpc?ref={{.Version}}"
                    version: 1.2.3
                    targets:
                      - "components/terraform/{{ .Component }}/{{.Version}}"
              """);
      AtmosSnapshot head = load(repo, repo.commit("prod pinned to vpc 1.2.3"));
      FolderInventory folders = folders(head, dir);

      ComponentStatus vpc = Convergence.of(head.pipeline().orElseThrow()).withLedger(Ledger.of(everything(head, landed(head))))
          .withFolders(folders).at(landed(head).plusSeconds(60)).report(head.desiredState()).component("vpc").orElseThrow();
      List<Problem> problems = Linter.of(head.pipeline().orElseThrow()).withFolders(folders).lint(head.desiredState());

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.UNDECLARED);
      assertThat(vpc.reasons()).contains("vpc/1.2.3 is a strict pin 1 version behind vpc/1.4.0");
      assertThat(problems).extracting(Problem::rule).contains(LintRule.STRICT_PIN_BEHIND.id())
          .doesNotContain(LintRule.VENDOR_VERSION_MISMATCH.id(), LintRule.COMPONENT_FOLDER_MISSING.id());
    }
  }

  @Nested
  class ReleaseTracks {

    @Test
    void affectedAndStatus_alphaPromotedToBeta_onlyStagingAffectedTracksPlanned() {
      RepoFiles repo = estate("vpc: {metadata: {component: alpha/vpc}}", "vpc: {metadata: {component: beta/vpc}}",
          "vpc: {metadata: {component: stable/vpc}}")
          .write("stacks/catalog/defaults.yaml", "vars: {}\n")
          .write("components/terraform/alpha/vpc/main.tf", "# v3\n")
          .write("components/terraform/beta/vpc/main.tf", "# v2\n")
          .write("components/terraform/stable/vpc/main.tf", "# v1\n");
      RevCommit base = repo.commit("tracks");
      repo.write("components/terraform/beta/vpc/main.tf", "# v3\n");
      RevCommit promoted = repo.commit("promote alpha to beta");
      AtmosSnapshot before = load(repo, base);
      AtmosSnapshot head = load(repo, promoted);

      AffectedReport report = Affected.of(head.pipeline().orElseThrow())
          .between(before.desiredState(), head.desiredState(), List.of("components/terraform/beta/vpc/main.tf"));
      ComponentStatus vpc = status(head, everything(head, landed(head)), landed(head).plusSeconds(60)).component("vpc").orElseThrow();

      assertThat(report.affected()).extracting(a -> a.instance().render()).containsExactly("staging/us-east-1:vpc");
      assertThat(report.affected().get(0).has(ReasonKind.COMPONENT)).isTrue();
      assertThat(instance(head, "staging/us-east-1", "vpc").sourceDigest())
          .isEqualTo(instance(head, "dev/us-east-1", "vpc").sourceDigest());
      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.PLANNED);
    }
  }

  @Nested
  class AffectedChanges {

    @Test
    void affected_catalogImportChanged_everyEnvironment() {
      RepoFiles repo = estate("vpc: {}", "vpc: {}", "vpc: {}")
          .write("stacks/catalog/defaults.yaml", "components:\n  terraform:\n    vpc:\n      vars:\n        enable_dns_support: false\n");
      RevCommit base = repo.commit("defaults");
      repo.write("stacks/catalog/defaults.yaml", "components:\n  terraform:\n    vpc:\n      vars:\n        enable_dns_support: true\n");
      RevCommit head = repo.commit("dns support everywhere");

      AffectedReport report = Affected.of(load(repo, head).pipeline().orElseThrow())
          .between(load(repo, base).desiredState(), load(repo, head).desiredState(), List.of("stacks/catalog/defaults.yaml"));

      assertThat(report.affected()).extracting(a -> a.environment().orElseThrow()).containsExactly("dev", "staging", "prod");
      assertThat(report.affected()).allSatisfy(a -> assertThat(a.reasons()).extracting(r -> r.text())
          .anySatisfy(t -> assertThat(t).startsWith("stack.vars changed: enable_dns_support")));
    }

    @Test
    void affected_vpcChanged_dependentsEksAndAppAffectedInEveryEnvironment() {
      String chain = """
          vpc: {}
          eks:
            settings:
              depends_on:
                1: {component: vpc}
          app:
            settings:
              depends_on:
                1: {component: eks}
          dns: {}
          """;
      RepoFiles repo = estate(chain, chain, chain).write("stacks/catalog/defaults.yaml", "vars: {}\n")
          .write("components/terraform/eks/main.tf", "# eks\n")
          .write("components/terraform/app/main.tf", "# app\n")
          .write("components/terraform/dns/main.tf", "# dns\n");
      RevCommit base = repo.commit("estate");
      repo.write("components/terraform/vpc/main.tf", "# vpc v2\n");
      RevCommit head = repo.commit("vpc change");

      AffectedReport report = Affected.of(load(repo, head).pipeline().orElseThrow())
          .between(load(repo, base).desiredState(), load(repo, head).desiredState(), List.of("components/terraform/vpc/main.tf"));

      assertThat(report.affected()).extracting(a -> a.environment().orElseThrow() + " " + a.component()).containsExactly(
          "dev app", "dev eks", "dev vpc", "staging app", "staging eks", "staging vpc", "prod app", "prod eks", "prod vpc");
      assertThat(report.affected()).filteredOn(a -> a.component().equals("app"))
          .allSatisfy(a -> assertThat(a.has(ReasonKind.DEPENDENCY)).isTrue());
    }

    @Test
    void affected_revisionAndItself_empty() {
      RepoFiles repo = estate("vpc: {}", "vpc: {}", "vpc: {}").write("stacks/catalog/defaults.yaml", "vars: {}\n");
      RevCommit head = repo.commit("estate");
      DesiredState state = load(repo, head).desiredState();

      assertThat(Affected.of(load(repo, head).pipeline().orElseThrow()).between(state, load(repo, head).desiredState(), List.of())
          .affected()).isEmpty();
    }

    @Test
    void affected_everyInstanceWhoseDigestsDiffer() {
      RepoFiles repo = estate("vpc: {vars: {x: 1}}", "vpc: {}", "vpc: {}").write("stacks/catalog/defaults.yaml", "vars: {}\n");
      RevCommit base = repo.commit("estate");
      repo.write("stacks/deploy/dev.yaml", stack("dev", "vpc: {vars: {x: 2}}"));
      RevCommit head = repo.commit("dev only");
      DesiredState before = load(repo, base).desiredState();
      DesiredState after = load(repo, head).desiredState();

      AffectedReport report = Affected.of(load(repo, head).pipeline().orElseThrow()).between(before, after, List.of("stacks/deploy/dev.yaml"));

      List<InstanceId> differing = after.instances().stream().filter(i -> !before.instance(i.id()).orElseThrow().equals(i))
          .map(Instance::id).toList();
      assertThat(report.affected()).extracting(AffectedInstance::instance).containsExactlyElementsOf(differing);
      assertThat(report.affected()).extracting(AffectedInstance::instance).containsExactly(InstanceId.of("dev/us-east-1", "vpc"));
    }
  }
}
