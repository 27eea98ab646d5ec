package dev.converge.lint;

import static dev.converge.testing.TestData.chain;
import static dev.converge.testing.TestData.desired;
import static dev.converge.testing.TestData.instance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.model.ComponentMetadata;
import dev.converge.model.ComponentType;
import dev.converge.model.DesiredState;
import dev.converge.model.DivergenceDeclaration;
import dev.converge.model.FolderInventory;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.VendoredFolder;
import dev.converge.pipeline.Pipeline;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LinterTest {

  static List<Problem> lint(Instance... instances) {
    return Linter.of(chain()).lint(desired(instances));
  }

  static List<Problem> lint(Pipeline pipeline, Instance... instances) {
    return Linter.of(pipeline).lint(desired(instances));
  }

  static List<Problem> withRule(List<Problem> problems, LintRule rule) {
    return problems.stream().filter(p -> p.rule().equals(rule.id())).toList();
  }

  /** The seed's experiment example: dev pinned to vpc-experiment with settings.workspace_key_prefix. */
  static Instance seedExperiment(String stack) {
    return instance(stack, "vpc", "vpc-experiment", "1")
        .withSettings(Map.of("workspace_key_prefix", "vpc"))
        .withVars(Map.of("name", "dev-vpc-experiment"));
  }

  @Nested
  class StateKeys {

    @Test
    void lint_seedExperimentInDev_stateKeyStabilityFiresWithBothKeys() {
      List<Problem> problems = withRule(lint(seedExperiment("dev/us-east-1"), instance("prod/us-east-1", "vpc")),
          LintRule.STATE_KEY_STABILITY);

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.stack()).contains("dev/us-east-1");
        assertThat(p.component()).contains("vpc");
        assertThat(p.location()).contains(SourceLocation.of("stacks/dev/us-east-1.yaml", 10, 7));
        assertThat(p.message()).contains("workspace_key_prefix `vpc-experiment` instead of `vpc`")
            .contains("workspace `dev-us-east-1-vpc` instead of `dev-us-east-1`");
        assertThat(p.fix()).hasValueSatisfying(f -> assertThat(f)
            .contains("backend.s3.workspace_key_prefix: vpc").contains("metadata.name: vpc")
            .contains("metadata.terraform_workspace: dev-us-east-1"));
      });
    }

    @Test
    void lint_seedExperiment_settingsWorkspaceKeyPrefixReported() {
      List<Problem> problems = withRule(lint(seedExperiment("dev/us-east-1")), LintRule.SETTINGS_WORKSPACE_KEY_PREFIX);

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.message()).contains("which Atmos never reads");
        assertThat(p.fix()).hasValueSatisfying(f -> assertThat(f).contains("backend.s3.workspace_key_prefix")
            .contains("metadata.name").contains("metadata.terraform_workspace"));
      });
    }

    @Test
    void lint_keysPinnedAsAtmosComputesThem_noStateKeyProblem() {
      Instance pinned = instance("dev/us-east-1", "vpc", "vpc-experiment", "1")
          .withWorkspaceKeyPrefix("vpc").withWorkspace("dev-us-east-1");

      assertThat(withRule(lint(pinned), LintRule.STATE_KEY_STABILITY)).isEmpty();
    }

    @Test
    void lint_backendPrefixSetButWorkspaceDerived_onlyTheWorkspaceDiffers() {
      Instance hotfix = instance("prod/us-east-1", "vpc", "vpc-hotfix", "1").withBackendType("s3")
          .withBackend(Map.of("workspace_key_prefix", "vpc"));

      assertThat(withRule(lint(hotfix), LintRule.STATE_KEY_STABILITY)).singleElement()
          .satisfies(p -> assertThat(p.message()).doesNotContain("workspace_key_prefix `")
              .contains("workspace `prod-us-east-1-vpc` instead of `prod-us-east-1`"));
    }

    @Test
    void lint_folderVersions_prefixComparedWithTheTrunkFolder() {
      Instance v2 = instance("dev/us-east-1", "database", "database/v2", "1").withWorkspace("dev-us-east-1-database");

      assertThat(withRule(lint(v2), LintRule.STATE_KEY_STABILITY)).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("workspace_key_prefix `database-v2` instead of `database`")
              .doesNotContain("workspace `"));
    }

    @Test
    void lint_trunkInstanceSetsMetadataName_referencePrefixIsTheTrunkInstances() {
      Instance trunk = instance("prod/us-east-1", "vpc").withWorkspaceKeyPrefix("network-vpc");
      Instance track = instance("dev/us-east-1", "vpc", "beta/vpc", "1").withWorkspaceKeyPrefix("network-vpc")
          .withWorkspace("dev-us-east-1");

      assertThat(withRule(lint(chain().withTracks(List.of("beta")), trunk, track), LintRule.STATE_KEY_STABILITY)).isEmpty();
    }

    @Test
    void lint_seedEmergencyOverride_prefixFiresWorkspaceAlreadyDerived() {
      Instance criticalFix = instance("prod/us-east-1", "critical-fix", "vpc-hotfix", "1")
          .withSettings(Map.of("workspace_key_prefix", "vpc"));

      List<Problem> problems = lint(criticalFix);

      assertThat(withRule(problems, LintRule.STATE_KEY_STABILITY)).singleElement().satisfies(p -> assertThat(p.message())
          .contains("emergency folder vpc-hotfix").contains("workspace_key_prefix `vpc-hotfix` instead of `vpc`")
          .doesNotContain("workspace `"));
      assertThat(withRule(problems, LintRule.SETTINGS_WORKSPACE_KEY_PREFIX)).hasSize(1);
    }

    @Test
    void lint_trunkFolder_noStateKeyProblem() {
      assertThat(withRule(lint(instance("dev/us-east-1", "vpc")), LintRule.STATE_KEY_STABILITY)).isEmpty();
    }
  }

  @Nested
  class Environments {

    @Test
    void lint_stackInNoEnvironment_errorNamingTheStack() {
      assertThat(withRule(lint(instance("qa/a", "vpc"), instance("qa/a", "eks")), LintRule.STACK_ENVIRONMENT))
          .singleElement().satisfies(p -> {
            assertThat(p.stack()).contains("qa/a");
            assertThat(p.location()).contains(SourceLocation.ofFile("stacks/qa/a.yaml"));
          });
    }

    @Test
    void lint_stackInTwoEnvironments_error() {
      Pipeline overlapping = chain().withEnvironments(List.of(chain().environments().get(0),
          chain().environments().get(1).withStacks(List.of(dev.converge.pipeline.StackGlob.of("*/a")))));

      assertThat(withRule(lint(overlapping, instance("dev/a", "vpc")), LintRule.STACK_ENVIRONMENT)).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("matches environments dev, staging"));
    }
  }

  @Nested
  class Experiments {

    @Test
    void lint_experimentInProduction_error() {
      List<Problem> problems = withRule(lint(seedExperiment("prod/us-east-1")), LintRule.EXPERIMENT_IN_PRODUCTION);

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.isError()).isTrue();
        assertThat(p.message()).contains("production environment prod").contains("vpc-experiment");
        assertThat(p.fix()).hasValueSatisfying(f -> assertThat(f).contains("point metadata.component back at vpc"));
      });
    }

    @Test
    void lint_experimentInDev_noProductionProblem() {
      assertThat(withRule(lint(seedExperiment("dev/us-east-1")), LintRule.EXPERIMENT_IN_PRODUCTION)).isEmpty();
    }

    @Test
    void lint_noProductionListed_prodNamedEnvironmentsCount() {
      Pipeline pipeline = chain().withProduction(List.of());

      assertThat(withRule(lint(pipeline, seedExperiment("prod/us-east-1")), LintRule.EXPERIMENT_IN_PRODUCTION)).hasSize(1);
    }
  }

  @Nested
  class Divergences {

    final DivergenceDeclaration undated = DivergenceDeclaration.builder().component("database").reason("upgrade")
        .location(SourceLocation.of("rollout.yaml", 20, 5)).build();

    @Test
    void lint_declarationWithoutDate_warningAtTheDeclaration() {
      List<Problem> problems = withRule(lint(chain().withDivergences(List.of(undated)), instance("dev/a", "database")),
          LintRule.DIVERGENCE_WITHOUT_DATE);

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.location()).contains(SourceLocation.of("rollout.yaml", 20, 5));
        assertThat(p.component()).contains("database");
      });
    }

    @Test
    void lint_instanceDeclarationWithoutDate_namesStackAndComponent() {
      Instance declared = instance("dev/a", "database").withDivergence(DivergenceDeclaration.builder().reason("upgrade").build());

      assertThat(withRule(lint(declared), LintRule.DIVERGENCE_WITHOUT_DATE)).singleElement()
          .satisfies(p -> assertThat(p.stack()).contains("dev/a"));
    }

    @Test
    void lint_dayAfterConvergeBy_overdue() {
      DivergenceDeclaration dated = undated.withConvergeBy(LocalDate.parse("2027-01-15"));
      DesiredState state = desired(instance("dev/a", "database"));
      Linter linter = Linter.of(chain().withDivergences(List.of(dated)));

      assertThat(withRule(linter.at(Instant.parse("2027-01-15T23:59:00Z")).lint(state), LintRule.DIVERGENCE_OVERDUE)).isEmpty();
      assertThat(withRule(linter.at(Instant.parse("2027-01-16T00:00:00Z")).lint(state), LintRule.DIVERGENCE_OVERDUE)).hasSize(1);
      assertThat(withRule(linter.lint(state), LintRule.DIVERGENCE_OVERDUE)).as("no instant, no date check").isEmpty();
    }

    @Test
    void lint_declarationForUnknownComponentOrEnvironment_warning() {
      DivergenceDeclaration typo = DivergenceDeclaration.builder().component("databse").addEnvironments("stage")
          .reason("upgrade").convergeBy(LocalDate.parse("2027-01-15")).build();

      List<Problem> problems = withRule(lint(chain().withDivergences(List.of(typo)), instance("dev/a", "database")),
          LintRule.DIVERGENCE_UNKNOWN_TARGET);

      assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("did you mean `database`?"))
          .anySatisfy(m -> assertThat(m).contains("environment stage"));
    }
  }

  @Nested
  class Folders {

    final FolderInventory folders = FolderInventory.builder().addFolders("vpc", "vpc/1.2.3", "vpc/1.4.0", "eks")
        .addVendored(VendoredFolder.builder().folder("vpc/1.2.3").version("1.2.3").build())
        .addVendored(VendoredFolder.builder().folder("critical-service-v1.2.3").version("v1.3.0")
            .location(SourceLocation.of("vendor.yaml", 7, 5)).build())
        .build();

    List<Problem> lintWithFolders(Instance... instances) {
      return Linter.of(chain()).withFolders(folders).lint(desired(instances));
    }

    @Test
    void lint_missingFolder_errorWithDidYouMean() {
      assertThat(withRule(lintWithFolders(instance("dev/a", "vpc", "vcp", "1")), LintRule.COMPONENT_FOLDER_MISSING))
          .singleElement().satisfies(p -> assertThat(p.message()).contains("did you mean `vpc`?"));
    }

    @Test
    void lint_vendorTargetNotYetPulled_noMissingFolder() {
      assertThat(withRule(lintWithFolders(instance("prod/a", "critical-service", "critical-service-v1.2.3", "1")),
          LintRule.COMPONENT_FOLDER_MISSING)).isEmpty();
    }

    @Test
    void lint_noInventory_folderRulesSkipped() {
      assertThat(withRule(lint(instance("dev/a", "vpc", "vcp", "1")), LintRule.COMPONENT_FOLDER_MISSING)).isEmpty();
    }

    @Test
    void lint_vendorVersionDisagreesWithFolderName_errorAtTheVendorEntry() {
      List<Problem> problems = withRule(lintWithFolders(instance("prod/a", "critical-service", "critical-service-v1.2.3", "1")),
          LintRule.VENDOR_VERSION_MISMATCH);

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.location()).contains(SourceLocation.of("vendor.yaml", 7, 5));
        assertThat(p.message()).contains("version v1.3.0").contains("the folder name says v1.2.3");
        assertThat(p.stack()).contains("prod/a");
      });
    }

    @Test
    void lint_vendorVersionWithOrWithoutV_agrees() {
      assertThat(withRule(lintWithFolders(instance("prod/a", "vpc", "vpc/1.2.3", "1")), LintRule.VENDOR_VERSION_MISMATCH))
          .extracting(Problem::message).noneMatch(m -> m.contains("vpc/1.2.3"));
    }

    @Test
    void lint_commitPins_neverNewerThanEachOther() {
      FolderInventory shas = FolderInventory.builder().addFolders("svc-abc123d", "svc-def4567").build();

      assertThat(withRule(Linter.of(chain()).withFolders(shas).lint(desired(instance("prod/a", "svc", "svc-abc123d", "1"))),
          LintRule.STRICT_PIN_BEHIND)).isEmpty();
    }

    @Test
    void lint_strictPinLeftBehind_infoNamingTheNewest() {
      assertThat(withRule(lintWithFolders(instance("prod/a", "vpc", "vpc/1.2.3", "1")), LintRule.STRICT_PIN_BEHIND))
          .singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.INFO);
            assertThat(p.message()).contains("1 version behind vpc/1.4.0");
          });
    }
  }

  @Nested
  class Tracks {

    @Test
    void lint_releaseTrackSettingNotListed_errorWithDidYouMean() {
      Instance canary = instance("dev/a", "vpc").withSettings(Map.of("release_track", "betta"));

      assertThat(withRule(lint(chain().withTracks(List.of("alpha", "beta")), canary), LintRule.UNKNOWN_RELEASE_TRACK))
          .singleElement().satisfies(p -> assertThat(p.fix()).hasValueSatisfying(f -> assertThat(f).contains("did you mean `beta`?")));
    }

    @Test
    void lint_trackFolderWithUnlistedTrack_error() {
      Instance canary = instance("dev/a", "vpc", "canary/vpc", "1");

      assertThat(withRule(lint(chain().withTracks(List.of("alpha", "beta")), canary), LintRule.UNKNOWN_RELEASE_TRACK))
          .singleElement().satisfies(p -> assertThat(p.message()).contains("`canary` is not a release track"));
    }

    @Test
    void lint_listedTrack_noProblem() {
      Instance beta = instance("dev/a", "vpc", "beta/vpc", "1").withSettings(Map.of("release_track", "beta"));

      assertThat(withRule(lint(chain().withTracks(List.of("alpha", "beta")), beta), LintRule.UNKNOWN_RELEASE_TRACK)).isEmpty();
    }
  }

  @Nested
  class Dependencies {

    @Test
    void lint_dependsOnUnknownInstance_error() {
      Instance eks = instance("dev/a", "eks").withDependsOn(List.of(InstanceId.of("dev/a", "vcp")));

      assertThat(withRule(lint(instance("dev/a", "vpc"), eks), LintRule.DEPENDS_ON_UNKNOWN)).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("vcp").contains("did you mean `vpc`?"));
    }

    @Test
    void lint_settingsDependsOnNamesNoComponent_error() {
      Instance eks = instance("dev/a", "eks").withSettings(Map.of("depends_on", Map.of("1", Map.of("component", "vpcc"))));

      assertThat(withRule(lint(instance("dev/a", "vpc"), eks), LintRule.DEPENDS_ON_UNKNOWN)).hasSize(1);
    }

    @Test
    void lint_cycle_oneErrorNamingEveryMember() {
      Instance a = instance("dev/a", "a").withDependsOn(List.of(InstanceId.of("dev/a", "b")));
      Instance b = instance("dev/a", "b").withDependsOn(List.of(InstanceId.of("dev/a", "c")));
      Instance c = instance("dev/a", "c").withDependsOn(List.of(InstanceId.of("dev/a", "a")));
      Instance d = instance("dev/a", "d").withDependsOn(List.of(InstanceId.of("dev/a", "a")));

      assertThat(withRule(lint(a, b, c, d), LintRule.DEPENDENCY_CYCLE)).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("dev/a:a, dev/a:b, dev/a:c").doesNotContain("dev/a:d"));
    }

    @Test
    void lint_selfDependency_cycle() {
      Instance a = instance("dev/a", "a").withDependsOn(List.of(InstanceId.of("dev/a", "a")));

      assertThat(withRule(lint(a), LintRule.DEPENDENCY_CYCLE)).hasSize(1);
    }

    @Test
    void lint_dependsOnAbstract_error() {
      Instance base = instance("dev/a", "vpc-base").withMetadata(ComponentMetadata.builder().type(ComponentType.ABSTRACT).build());
      Instance eks = instance("dev/a", "eks").withDependsOn(List.of(base.id()));

      assertThat(withRule(lint(base, eks), LintRule.ABSTRACT_REFERENCED_AS_DEPLOYABLE)).singleElement()
          .satisfies(p -> assertThat(p.component()).contains("eks"));
    }
  }

  @Nested
  class Inheritance {

    final Instance abstractBase = instance("prod/a", "vpc-base")
        .withMetadata(ComponentMetadata.builder().type(ComponentType.ABSTRACT).build());

    @Test
    void lint_inheritsMissingBase_errorWithDidYouMean() {
      Instance vpc = instance("prod/a", "vpc").withMetadata(ComponentMetadata.builder().addInherits("vpc-bse").build());

      assertThat(withRule(lint(abstractBase, vpc), LintRule.INHERITS_MISSING_BASE)).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("did you mean `vpc-base`?"));
    }

    @Test
    void lint_inheritsRealBase_warning() {
      Instance realBase = instance("prod/a", "vpc-base");
      Instance vpc = instance("prod/a", "vpc").withMetadata(ComponentMetadata.builder().addInherits("vpc-base").build());

      assertThat(withRule(lint(realBase, vpc), LintRule.INHERITS_REAL_BASE)).singleElement()
          .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void lint_inheritsAbstractBase_noProblem() {
      Instance vpc = instance("prod/a", "vpc").withMetadata(ComponentMetadata.builder().addInherits("vpc-base").build());

      assertThat(lint(abstractBase, vpc)).isEmpty();
    }

    @Test
    void lint_metadataComponentNamesAbstractComponent_error() {
      Instance vpc = instance("prod/a", "vpc", "vpc-base", "1");

      assertThat(withRule(lint(abstractBase, vpc), LintRule.ABSTRACT_REFERENCED_AS_DEPLOYABLE)).singleElement()
          .satisfies(p -> assertThat(p.fix()).hasValueSatisfying(f -> assertThat(f).contains("metadata.inherits")));
    }
  }

  @Nested
  class Output {

    @Test
    void lint_cleanEstate_noProblems() {
      assertThat(lint(instance("dev/a", "vpc"), instance("prod/a", "vpc"))).isEmpty();
    }

    @Test
    void lint_everyProblemHasAKnownRuleItsSeverityAndAFix() {
      List<Problem> problems = lint(seedExperiment("prod/us-east-1"),
          instance("prod/us-east-1", "eks").withDependsOn(List.of(InstanceId.of("prod/us-east-1", "nope"))));

      assertThat(problems).isNotEmpty().allSatisfy(p -> {
        LintRule rule = java.util.Arrays.stream(LintRule.values()).filter(r -> r.id().equals(p.rule())).findFirst().orElseThrow();
        assertThat(p.severity()).isEqualTo(rule.severity());
        assertThat(p.fix()).isPresent();
        assertThat(p.stack()).isPresent();
        assertThat(p.location()).isPresent();
      });
    }

    @Test
    void lint_sortedByStackComponentAndRule() {
      List<Problem> problems = lint(seedExperiment("prod/us-east-1"), seedExperiment("dev/us-east-1"));

      assertThat(problems).extracting(p -> p.stack().orElseThrow() + " " + p.rule()).isSorted();
    }
  }
}
