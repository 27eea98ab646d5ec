package dev.converge.runner;

import static dev.converge.runner.Fixtures.action;
import static dev.converge.runner.Fixtures.desired;
import static dev.converge.runner.Fixtures.instance;
import static dev.converge.runner.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.ledger.Deployment;
import dev.converge.ledger.Drift;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.plan.Action;
import dev.converge.plan.ActionKind;
import dev.converge.plan.RolloutPlan;
import dev.converge.runner.internal.process.CommandLine;
import dev.converge.runner.internal.process.Completion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerraformRunnerTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @TempDir
  Path components;

  private final ScriptedExecutor executor = new ScriptedExecutor();
  private final RecordingListener listener = new RecordingListener();
  private final List<String> logged = new ArrayList<>();
  private Instance vpc;
  private Action deployVpc;

  @BeforeEach
  void folders() throws IOException {
    Files.createDirectories(components.resolve("vpc"));
    vpc = instance("dev/us-east-1", "vpc").putVar("db_password", "hunter2-secret").putEnv("AWS_PROFILE", "dev").build();
    deployVpc = action("dev", vpc, ActionKind.UPDATE);
  }

  private RunnerOptions.Builder options() {
    return RunnerOptions.builder()
        .componentsBasePath(components)
        .hostEnvironment(Map.of("PATH", "/usr/bin", "HOME", "/root", "AWS_SECRET_ACCESS_KEY", "xyzzy-key", "EDITOR", "vi"))
        .actor("ci")
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private TerraformRunner runner(RunnerOptions options) {
    return new TerraformRunner(options, executor,
        (instance, step, stderr, text) -> {
          synchronized (logged) {
            logged.add(text);
          }
        });
  }

  private RunReport run(RunnerOptions options, RolloutPlan plan, DesiredState desired) {
    return runner(options).run(RunRequest.of("dev", plan, desired), () -> plan, listener);
  }

  private RunReport runVpc() {
    return run(options().build(), plan(deployVpc), desired(vpc));
  }

  @Nested
  class Run {

    @Test
    void run_update_runsEveryStepWithExactArguments() {
      runVpc();

      assertThat(executor.argLists()).containsExactly(
          List.of("terraform", "init", "-reconfigure", "-input=false"),
          List.of("terraform", "workspace", "select", "-or-create", "dev-us-east-1"),
          List.of("terraform", "plan", "-input=false", "-no-color", "-detailed-exitcode",
              "-var-file=dev-us-east-1-vpc.terraform.tfvars.json", "-out=dev-us-east-1-vpc.planfile"),
          List.of("terraform", "show", "-json", "dev-us-east-1-vpc.planfile"),
          List.of("terraform", "apply", "-input=false", "-no-color", "dev-us-east-1-vpc.planfile"));
    }

    @Test
    void run_anyStep_runsInTheComponentFolderWithOnlyTheAllowedEnvironment() {
      runVpc();

      assertThat(executor.commands).allSatisfy(command -> {
        assertThat(command.directory()).isEqualTo(components.resolve("vpc"));
        assertThat(command.environment()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
            "PATH", "/usr/bin", "HOME", "/root", "AWS_PROFILE", "dev", "TF_IN_AUTOMATION", "1")));
      });
    }

    @Test
    void run_allowListWithPrefix_passesMatchingVariables() {
      run(options().passEnvironment(Set.of("PATH", "AWS_*")).build(), plan(deployVpc), desired(vpc));

      assertThat(executor.commands.get(0).environment()).containsOnlyKeys(
          "PATH", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "TF_IN_AUTOMATION");
    }

    @Test
    void run_tofu_usesTheConfiguredBinary() {
      run(options().binary("/usr/local/bin/tofu").build(), plan(deployVpc), desired(vpc));

      assertThat(executor.argLists()).allSatisfy(args -> assertThat(args.get(0)).isEqualTo("/usr/local/bin/tofu"));
    }

    @Test
    void run_success_recordsSuccessfulDeploymentWithTheInstanceDigests() {
      RunReport report = runVpc();

      assertThat(report.records()).containsExactly(Deployment.builder()
          .at(NOW).instance(vpc.id()).folder("vpc").revision(Fixtures.REVISION)
          .sourceDigest(vpc.sourceDigest()).configDigest(vpc.configDigest())
          .outcome(Outcome.SUCCESS).actor("ci").build());
      assertThat(report.results()).singleElement().satisfies(r -> {
        assertThat(r.status()).isEqualTo(ActionStatus.APPLIED);
        assertThat(r.summary()).hasValue(PlanSummary.of(1, 0, 0, 0));
      });
      assertThat(listener.events()).containsExactly(
          "started vpc", "planned vpc 1 to add, 0 to change, 0 to destroy, 0 to replace", "applied vpc");
    }

    @Test
    void run_writesVarFileAndBackendAsAtmosDoes() throws IOException {
      runVpc();

      Path folder = components.resolve("vpc");
      assertThat(Files.readString(folder.resolve("dev-us-east-1-vpc.terraform.tfvars.json")))
          .contains("\"cidr_block\" : \"10.0.0.0/16\"", "\"db_password\" : \"hunter2-secret\"", "\"name\" : \"vpc\"");
      assertThat(Files.readString(folder.resolve("backend.tf.json")).replaceAll("\\s", ""))
          .isEqualTo("{\"terraform\":{\"backend\":{\"local\":{\"path\":\"terraform.tfstate\"}}}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "workspace", "plan", "show", "apply"})
    void run_stepFails_recordsFailedDeploymentAndReportsTheStep(String step) {
      executor.answer(step, Completion.exited(1, "", "Error: something broke"));

      RunReport report = runVpc();

      assertThat(report.results()).singleElement().satisfies(r -> {
        assertThat(r.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(r.failedStep()).hasValue(Step.valueOf(step.toUpperCase(java.util.Locale.ROOT)));
        assertThat(r.message()).hasValueSatisfying(m -> assertThat(m).contains("exited with 1", "something broke"));
      });
      assertThat(report.records()).singleElement()
          .isInstanceOfSatisfying(Deployment.class, d -> assertThat(d.outcome()).isEqualTo(Outcome.FAILURE));
      assertThat(report.hasFailures()).isTrue();
      assertThat(listener.events()).last().isEqualTo("failed vpc " + step);
    }

    @Test
    void run_showPrintsNoJson_failsAtShow() {
      executor.answer("show", Completion.exited(0, "not json", ""));

      RunReport report = runVpc();

      assertThat(report.results().get(0).failedStep()).hasValue(Step.SHOW);
      assertThat(report.records()).hasSize(1);
    }

    @Test
    void run_missingFolder_failsAtPrepare() {
      Instance network = instance("dev/us-east-1", "network").build();

      RunReport report = run(options().build(), plan(action("dev", network, ActionKind.CREATE)), desired(network));

      assertThat(report.results().get(0).failedStep()).hasValue(Step.PREPARE);
      assertThat(report.records()).singleElement()
          .isInstanceOfSatisfying(Deployment.class, d -> assertThat(d.outcome()).isEqualTo(Outcome.FAILURE));
      assertThat(executor.commands).isEmpty();
    }

    @Test
    void run_instanceWithAComparisonDigest_refusedAtPrepareBeforeAnyCommand() {
      Instance compared = instance("dev/us-east-1", "vpc").build()
          .withConfigDigest("siphash:00112233445566778899aabbccddeeff");

      RunReport report = run(options().build(), plan(action("dev", compared, ActionKind.CREATE)), desired(compared));

      assertThat(report.results().get(0).failedStep()).hasValue(Step.PREPARE);
      assertThat(report.results().get(0).message()).hasValueSatisfying(m -> assertThat(m)
          .contains("carries a comparison digest").contains("comparisonDigests"));
      assertThat(report.records()).isEmpty();
      assertThat(executor.commands).isEmpty();
    }

    @Test
    void run_timedOutStep_failsNamingTheTimeout() {
      executor.answer("plan", new Completion(-1, "", "", true, false));

      RunReport report = runVpc();

      assertThat(report.results().get(0).message()).hasValueSatisfying(m -> assertThat(m).contains("timed out"));
      assertThat(report.records()).hasSize(1);
    }

    @Test
    void run_cancelledBeforeApply_recordsNothing() {
      executor.answer("plan", new Completion(-1, "", "", false, true));

      RunReport report = runVpc();

      assertThat(report.results().get(0).status()).isEqualTo(ActionStatus.CANCELLED);
      assertThat(report.records()).isEmpty();
    }

    @Test
    void run_cancelledDuringApply_recordsFailure() {
      executor.answer("apply", new Completion(-1, "", "", false, true));

      RunReport report = runVpc();

      assertThat(report.results().get(0).status()).isEqualTo(ActionStatus.FAILED);
      assertThat(report.records()).hasSize(1);
    }

    @Test
    void run_planOnly_neverAppliesAndRecordsNothing() {
      RunReport report = run(options().planOnly(true).build(), plan(deployVpc), desired(vpc));

      assertThat(executor.argLists()).extracting(args -> args.get(1)).containsExactly("init", "workspace", "plan", "show");
      assertThat(report.results().get(0).status()).isEqualTo(ActionStatus.PLANNED);
      assertThat(report.records()).isEmpty();
    }

    @Test
    void run_noChanges_skipsApplyAndRecordsSuccess() {
      executor.answer("plan", Completion.exited(0, "", ""))
          .answer("show", Completion.exited(0, "{\"resource_changes\":[]}", ""));

      RunReport report = runVpc();

      assertThat(executor.argLists()).extracting(args -> args.get(1)).doesNotContain("apply");
      assertThat(report.results().get(0).status()).isEqualTo(ActionStatus.APPLIED);
      assertThat(report.records()).hasSize(1);
    }

    @Test
    void run_actionNoLongerNext_isRefusedAndNotApplied() {
      RolloutPlan original = plan(deployVpc);
      RolloutPlan withdrawn = plan();

      RunReport report = runner(options().build()).run(RunRequest.of("dev", original, desired(vpc)), () -> withdrawn, listener);

      assertThat(report.results().get(0).status()).isEqualTo(ActionStatus.REFUSED);
      assertThat(report.records()).isEmpty();
      assertThat(executor.argLists()).extracting(args -> args.get(1)).doesNotContain("apply");
      assertThat(listener.events()).last().isEqualTo("refused vpc");
    }

    @Test
    void run_replanShowsANewerRevision_refuses() {
      RolloutPlan newer = plan(deployVpc.withToRevision("def5678"));

      RunReport report = runner(options().build()).run(RunRequest.of("dev", plan(deployVpc), desired(vpc)), () -> newer, listener);

      assertThat(report.results().get(0).status()).isEqualTo(ActionStatus.REFUSED);
    }

    @Test
    void run_otherEnvironment_isLeftAlone() {
      Instance prodVpc = instance("prod/us-east-1", "vpc").build();
      RolloutPlan plan = plan(deployVpc, action("prod", prodVpc, ActionKind.UPDATE));

      RunReport report = run(options().build(), plan, desired(vpc, prodVpc));

      assertThat(report.results()).extracting(r -> r.action().environment()).containsExactly("dev");
    }

    @Test
    void run_destroy_plansWithDestroyAndRecordsDestroy() {
      Action destroy = action("dev", vpc, ActionKind.DESTROY);
      RunRequest request = RunRequest.builder().environment("dev").plan(plan(destroy))
          .desired(desired()).addRetired(vpc).build();

      RunReport report = runner(options().build()).run(request, () -> plan(destroy), listener);

      assertThat(executor.argLists().get(2)).containsSequence("plan", "-destroy");
      assertThat(report.records()).singleElement()
          .isInstanceOfSatisfying(Deployment.class, d -> assertThat(d.destroy()).isTrue());
    }

    @Test
    void run_destroyWithoutRetiredConfiguration_failsWithoutRecord() {
      Action destroy = action("dev", vpc, ActionKind.DESTROY);

      RunReport report = run(options().build(), plan(destroy), desired());

      assertThat(report.results().get(0).status()).isEqualTo(ActionStatus.FAILED);
      assertThat(report.results().get(0).message()).hasValueSatisfying(m -> assertThat(m).contains("retired"));
      assertThat(report.records()).isEmpty();
    }

    @Test
    void run_recorder_receivesEachRecordAsItIsKnown() {
      List<Object> recorded = new ArrayList<>();
      RolloutPlan plan = plan(deployVpc);

      RunReport report = runner(options().build())
          .start(RunRequest.of("dev", plan, desired(vpc)), () -> plan, listener, recorded::add).await();

      assertThat(recorded).isEqualTo(report.records());
    }

    @Test
    void run_severalActions_reportsInNextOrder() throws IOException {
      List<Instance> instances = new ArrayList<>();
      List<Action> actions = new ArrayList<>();
      for (String name : List.of("a", "b", "c", "d")) {
        Files.createDirectories(components.resolve(name));
        Instance i = instance("dev/us-east-1", name).build();
        instances.add(i);
        actions.add(action("dev", i, ActionKind.CREATE));
      }
      RolloutPlan plan = plan(actions.toArray(Action[]::new));

      RunReport report = run(options().maxParallel(3).build(), plan, desired(instances.toArray(Instance[]::new)));

      assertThat(report.results()).extracting(r -> r.action().component()).containsExactly("a", "b", "c", "d");
      assertThat(report.records()).hasSize(4);
    }
  }

  @Nested
  class Masking {

    @Test
    void run_sensitiveValuesInOutput_areMasked() {
      executor.print("plan", "db_password = \"hunter2-secret\"", "key xyzzy-key", "cidr 10.0.0.0/16")
          .answer("apply", Completion.exited(1, "", "Error: bad password hunter2-secret"));

      RunReport report = run(options().passEnvironment(Set.of("AWS_*")).build(), plan(deployVpc), desired(vpc));

      assertThat(logged).containsSubsequence("db_password = \"***\"", "key ***", "cidr 10.0.0.0/16");
      assertThat(String.join("\n", logged)).doesNotContain("hunter2-secret", "xyzzy-key");
      assertThat(report.results().get(0).message()).hasValueSatisfying(m -> assertThat(m).doesNotContain("hunter2"));
    }

    @Test
    void run_explicitSecret_isMasked() {
      executor.print("init", "token is opensesame");

      run(options().addSecret("opensesame").build(), plan(deployVpc), desired(vpc));

      assertThat(logged).contains("token is ***");
    }
  }

  @Nested
  class CheckDrift {

    private RunReport checkDrift() {
      RolloutPlan plan = plan(action("dev", vpc, ActionKind.NOOP));
      return runner(options().build()).checkDrift(RunRequest.of("dev", plan, desired(vpc)), listener);
    }

    @Test
    void checkDrift_planExitTwo_recordsDriftWithTheChangeCount() {
      executor.answer("show", Completion.exited(0, "{\"resource_changes\":["
          + "{\"change\":{\"actions\":[\"update\"]}},{\"change\":{\"actions\":[\"delete\",\"create\"]}},"
          + "{\"change\":{\"actions\":[\"no-op\"]}}]}", ""));

      RunReport report = checkDrift();

      assertThat(report.records()).containsExactly(Drift.builder().at(NOW).instance(vpc.id())
          .revision(Fixtures.REVISION).changes(2).build());
      assertThat(executor.argLists()).extracting(args -> args.get(1)).containsExactly("init", "workspace", "plan", "show");
      assertThat(listener.events()).contains("drifted vpc 2");
    }

    @Test
    void checkDrift_planExitZero_isUpToDate() {
      executor.answer("plan", Completion.exited(0, "", ""));

      RunReport report = checkDrift();

      assertThat(report.results().get(0).status()).isEqualTo(ActionStatus.UP_TO_DATE);
      assertThat(report.records()).isEmpty();
    }

    @Test
    void checkDrift_planFails_reportsFailureWithoutRecord() {
      executor.answer("plan", Completion.exited(1, "", "Error"));

      RunReport report = checkDrift();

      assertThat(report.results().get(0).status()).isEqualTo(ActionStatus.FAILED);
      assertThat(report.records()).isEmpty();
    }

    @Test
    void checkDrift_changeActions_areNotChecked() {
      RunReport report = runner(options().build())
          .checkDrift(RunRequest.of("dev", plan(deployVpc), desired(vpc)), listener);

      assertThat(report.results()).isEmpty();
      assertThat(executor.commands).isEmpty();
    }
  }

  @Nested
  class Options {

    @Test
    void builder_zeroParallel_failsNamingTheValue() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> options().maxParallel(0).build())
          .hasMessage("maxParallel (0) must be at least 1");
    }

    @Test
    void builder_zeroTimeout_failsNamingTheValue() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> options().stepTimeout(Duration.ZERO).build())
          .hasMessage("stepTimeout (PT0S) must be positive");
    }
  }

  static List<String> subcommands(List<CommandLine> commands) {
    return commands.stream().map(c -> c.args().get(1)).toList();
  }
}
