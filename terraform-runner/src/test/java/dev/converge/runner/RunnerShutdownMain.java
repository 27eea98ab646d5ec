package dev.converge.runner;

import static dev.converge.runner.Fixtures.action;
import static dev.converge.runner.Fixtures.desired;
import static dev.converge.runner.Fixtures.instance;
import static dev.converge.runner.Fixtures.plan;

import dev.converge.model.Instance;
import dev.converge.plan.ActionKind;
import dev.converge.plan.RolloutPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A caller of the runner in its own JVM, for the shutdown IT: {@code RunnerShutdownMain TERRAFORM
 * COMPONENTS PIDS} starts a run whose plan hangs, with {@link Execution#cancelOnShutdown()}, and waits.
 */
public final class RunnerShutdownMain {

  private RunnerShutdownMain() {}

  public static void main(String[] args) {
    Instance vpc = instance("dev/us-east-1", "vpc").putEnv("FAKE_TF_HANG", "plan").putEnv("FAKE_TF_PIDS", args[2]).build();
    RolloutPlan plan = plan(action("dev", vpc, ActionKind.CREATE));
    RunnerOptions options = RunnerOptions.builder().binary(args[0]).componentsBasePath(Path.of(args[1]))
        .hostEnvironment(Map.of()).killGrace(Duration.ofMillis(500)).build();
    TerraformRunner.of(options)
        .start(RunRequest.of("dev", plan, desired(vpc)), () -> plan, RunListener.NONE, record -> {})
        .cancelOnShutdown()
        .await();
  }
}
