package dev.converge.runner;

import static dev.converge.runner.Fixtures.action;
import static dev.converge.runner.Fixtures.desired;
import static dev.converge.runner.Fixtures.instance;
import static dev.converge.runner.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Drift;
import dev.converge.ledger.Outcome;
import dev.converge.model.Instance;
import dev.converge.plan.Action;
import dev.converge.plan.ActionKind;
import dev.converge.plan.RolloutPlan;
import dev.converge.runner.ledger.LedgerFile;
import dev.converge.runner.testing.FakeTerraformInstall;
import dev.converge.runner.testing.JavaProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runner against the fake terraform, as real processes. */
@Timeout(120)
class TerraformRunnerIT {

  private static final String SECRET = "s3cr3t-Pa55w0rd-4217";

  @TempDir
  Path dir;

  private Path components;
  private Path terraform;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void install() throws IOException {
    terraform = FakeTerraformInstall.into(Files.createDirectories(dir.resolve("bin")));
    components = Files.createDirectories(dir.resolve("components/terraform"));
    Files.createDirectories(components.resolve("vpc"));
  }

  private RunnerOptions.Builder options() {
    return options(terraform, components);
  }

  private static RunnerOptions.Builder options(Path binary, Path base) {
    return RunnerOptions.builder()
        .binary(binary.toString())
        .componentsBasePath(base)
        .passEnvironment(Set.of("PATH"))
        .killGrace(Duration.ofMillis(500))
        .actor("it");
  }

  private Instance.Builder vpc() {
    return instance("dev/us-east-1", "vpc").putVar("db_password", SECRET);
  }

  private RunReport deploy(RunnerOptions options, Instance instance, ActionKind kind) {
    RolloutPlan plan = plan(action("dev", instance, kind));
    return TerraformRunner.of(options).run(RunRequest.of("dev", plan, desired(instance)), () -> plan, listener);
  }

  private RunReport checkDrift(Instance instance) {
    RolloutPlan plan = plan(action("dev", instance, ActionKind.NOOP));
    return TerraformRunner.of(options().build()).checkDrift(RunRequest.of("dev", plan, desired(instance)), listener);
  }

  /**
   * One real rollout shared by several tests (each launch of the fake is a JVM): two instances in
   * parallel, appended to a ledger file, with the invocations logged and a secret printed by plan;
   * then a drift check that finds nothing, and one that finds the resources changed outside.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Rollout {

    private Path vpcFolder;
    private Path invocations;
    private Instance vpc;
    private RunReport report;
    private LedgerFile ledger;
    private String log;
    private RunReport upToDate;
    private RunReport drifted;

    @BeforeAll
    void rollOut(@TempDir Path root) throws IOException {
      Path bin = FakeTerraformInstall.into(Files.createDirectories(root.resolve("bin")));
      Path base = Files.createDirectories(root.resolve("components/terraform"));
      vpcFolder = Files.createDirectories(base.resolve("vpc"));
      Files.createDirectories(base.resolve("dns"));
      invocations = root.resolve("invocations.jsonl");
      vpc = vpc().putEnv("FAKE_TF_LOG", invocations.toString()).putEnv("FAKE_TF_PRINT_VAR", "db_password").build();
      Instance dns = instance("dev/us-east-1", "dns").build();
      RolloutPlan plan = plan(action("dev", vpc, ActionKind.CREATE), action("dev", dns, ActionKind.CREATE));
      ledger = LedgerFile.at(root.resolve(".converge/ledger.jsonl"));
      RunnerOptions options = options(bin, base).maxParallel(2)
          .hostEnvironment(Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "SECRET_TOKEN", "x")).build();

      PrintStream original = System.err;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        report = TerraformRunner.of(options)
            .runAndRecord(RunRequest.of("dev", plan, desired(vpc, dns)), () -> plan, listener, ledger);
      } finally {
        System.setErr(original);
      }
      log = captured.toString(StandardCharsets.UTF_8);

      TerraformRunner runner = TerraformRunner.of(options);
      Instance plain = vpc().build();
      upToDate = runner.checkDrift(RunRequest.of("dev", plan(action("dev", plain, ActionKind.NOOP)), desired(plain)), listener);
      Instance changedOutside = vpc().putEnv("FAKE_TF_DRIFT", "1").build();
      drifted = runner.checkDrift(RunRequest.of("dev", plan(action("dev", changedOutside, ActionKind.NOOP)),
          desired(changedOutside)), listener);
    }

    @Test
    void run_create_appliesAndRecordsSuccessWithTheDigests() {
      assertThat(report.results()).extracting(ActionResult::status).containsExactly(ActionStatus.APPLIED, ActionStatus.APPLIED);
      assertThat(report.results().get(0).summary()).hasValue(PlanSummary.of(3, 0, 0, 0));
      assertThat(report.records().get(0)).isInstanceOfSatisfying(Deployment.class, d -> {
        assertThat(d.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(d.sourceDigest()).isEqualTo(vpc.sourceDigest());
        assertThat(d.configDigest()).isEqualTo(vpc.configDigest());
      });
    }

    @Test
    void runAndRecord_parallelInstances_appendsEveryRecordToAValidChain() {
      assertThat(ledger.load().records()).containsExactlyInAnyOrderElementsOf(report.records());
      assertThat(ledger.verify().isIntact()).isTrue();
    }

    @Test
    void checkDrift_afterApply_secondPlanShowsNoChanges() {
      assertThat(upToDate.results()).singleElement()
          .satisfies(r -> assertThat(r.status()).isEqualTo(ActionStatus.UP_TO_DATE));
      assertThat(upToDate.records()).isEmpty();
    }

    @Test
    void checkDrift_changedOutsideTerraform_recordsDriftWithTheChangeCount() {
      assertThat(drifted.records()).singleElement().isInstanceOfSatisfying(Drift.class,
          d -> assertThat(d.changes()).isEqualTo(3));
    }

    @Test
    void run_secretPrintedByTerraform_neverReachesTheLog() {
      assertThat(log).contains("[dev/us-east-1:vpc plan]   + db_password = \"***\"", "value of db_password is ***");
      assertThat(log).doesNotContain(SECRET);
    }

    @Test
    void run_everyStep_getsExactArgumentsAndOnlyTheAllowedEnvironment() throws IOException {
      ObjectMapper json = new ObjectMapper();
      List<List<String>> args = new ArrayList<>();
      for (String line : Files.readAllLines(invocations)) {
        JsonNode entry = json.readTree(line);
        List<String> list = new ArrayList<>();
        entry.get("args").forEach(a -> list.add(a.asText()));
        args.add(list);
        assertThat(entry.get("cwd").asText()).isEqualTo(vpcFolder.toString());
        JsonNode env = entry.get("env");
        assertThat(env.get("TF_IN_AUTOMATION").asText()).isEqualTo("1");
        assertThat(env.get("PATH").asText()).isEqualTo("/usr/bin:/bin");
        List<String> names = new ArrayList<>();
        env.properties().forEach(e -> names.add(e.getKey()));
        // The exec wrapper's /bin/sh may export PWD; nothing else may appear.
        assertThat(names).isSubsetOf("PATH", "TF_IN_AUTOMATION", "FAKE_TF_LOG", "FAKE_TF_PRINT_VAR", "PWD");
      }
      assertThat(args).containsExactly(
          List.of("init", "-reconfigure", "-input=false"),
          List.of("workspace", "select", "-or-create", "dev-us-east-1"),
          List.of("plan", "-input=false", "-no-color", "-detailed-exitcode",
              "-var-file=dev-us-east-1-vpc.terraform.tfvars.json", "-out=dev-us-east-1-vpc.planfile"),
          List.of("show", "-json", "dev-us-east-1-vpc.planfile"),
          List.of("apply", "-input=false", "-no-color", "dev-us-east-1-vpc.planfile"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"init", "plan", "apply"})
  void run_stepFails_recordsFailedDeployment(String step) {
    RunReport report = deploy(options().build(), vpc().putEnv("FAKE_TF_FAIL", step).build(), ActionKind.CREATE);

    assertThat(report.results()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(ActionStatus.FAILED);
      assertThat(r.failedStep().orElseThrow().word()).isEqualTo(step);
      assertThat(r.message()).hasValueSatisfying(m -> assertThat(m).contains("simulated failure of " + step));
    });
    assertThat(report.records()).singleElement().isInstanceOfSatisfying(Deployment.class,
        d -> assertThat(d.outcome()).isEqualTo(Outcome.FAILURE));
  }

  @Test
  void run_crashMidApply_recordsFailureAndTheRerunFinishesTheJob() {
    RunReport crashed = deploy(options().build(), vpc().putEnv("FAKE_TF_CRASH", "apply").build(), ActionKind.CREATE);

    assertThat(crashed.results().get(0).status()).isEqualTo(ActionStatus.FAILED);
    assertThat(crashed.results().get(0).message()).hasValueSatisfying(m -> assertThat(m).contains("exited with 11"));

    RunReport rerun = deploy(options().build(), vpc().build(), ActionKind.CREATE);

    assertThat(rerun.results().get(0).summary()).hasValue(PlanSummary.of(2, 0, 0, 0));
    assertThat(rerun.records()).singleElement().isInstanceOfSatisfying(Deployment.class,
        d -> assertThat(d.outcome()).isEqualTo(Outcome.SUCCESS));
  }

  @Test
  void run_hangingStep_hitsTheTimeoutAndLeavesNoProcessBehind() throws IOException {
    Path pids = dir.resolve("pids");

    RunReport report = deploy(options().stepTimeout(Duration.ofSeconds(5)).build(),
        vpc().putEnv("FAKE_TF_HANG", "plan").putEnv("FAKE_TF_PIDS", pids.toString()).build(), ActionKind.CREATE);

    assertThat(report.results().get(0).message()).hasValueSatisfying(m -> assertThat(m).contains("timed out after PT5S"));
    assertThat(report.records()).singleElement().isInstanceOfSatisfying(Deployment.class,
        d -> assertThat(d.outcome()).isEqualTo(Outcome.FAILURE));
    assertNoneAlive(pids);
  }

  @Test
  void cancel_duringAStep_endsTheWholeTreeAndRecordsNothing() throws Exception {
    Path pids = dir.resolve("pids");
    Instance vpc = vpc().putEnv("FAKE_TF_HANG", "plan").putEnv("FAKE_TF_PIDS", pids.toString()).build();
    RolloutPlan plan = plan(action("dev", vpc, ActionKind.CREATE));
    Execution execution = TerraformRunner.of(options().build())
        .start(RunRequest.of("dev", plan, desired(vpc)), () -> plan, listener, record -> {});
    while (!Files.exists(pids) || Files.readAllLines(pids).size() < 2) {
      Thread.sleep(50);
    }

    execution.cancel();
    RunReport report = execution.await();

    assertThat(report.results().get(0).status()).isEqualTo(ActionStatus.CANCELLED);
    assertThat(report.records()).isEmpty();
    assertNoneAlive(pids);
  }

  @Test
  void cancelOnShutdown_callerGetsSigterm_leavesNoTerraformProcessBehind() throws Exception {
    Path pids = dir.resolve("pids");
    Process caller = new ProcessBuilder(JavaProcess.command(RunnerShutdownMain.class,
        terraform.toString(), components.toString(), pids.toString()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      while (!Files.exists(pids) || Files.readAllLines(pids).size() < 2) {
        assertThat(caller.isAlive()).isTrue();
        Thread.sleep(50);
      }

      caller.destroy(); // SIGTERM, as CI sends it

      assertThat(caller.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertNoneAlive(pids);
    } finally {
      caller.destroyForcibly();
    }
  }

  private static void assertNoneAlive(Path pids) throws IOException {
    List<Long> all = Files.readAllLines(pids).stream().map(Long::parseLong).toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(2);
    assertThat(all).allSatisfy(pid ->
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process %d alive", pid).isFalse());
  }
}
