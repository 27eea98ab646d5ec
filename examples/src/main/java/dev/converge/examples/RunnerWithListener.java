package dev.converge.examples;

import dev.converge.RolloutPlanner;
import dev.converge.plan.Action;
import dev.converge.runner.PlanSummary;
import dev.converge.runner.RunListener;
import dev.converge.runner.RunReport;
import dev.converge.runner.RunnerOptions;
import dev.converge.runner.Step;
import dev.converge.runner.TerraformRunner;
import dev.converge.runner.ledger.LedgerFile;
import dev.converge.yaml.AtmosRepository;
import dev.converge.yaml.AtmosSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Driving the Terraform runner from your own tool: load the repository, plan, run {@code next}
 * for one environment, and follow it with a listener (here: collect progress lines).
 */
public final class RunnerWithListener {

  private RunnerWithListener() {}

  /** Runs dev's next actions of the Atmos repository at {@code repo} with {@code terraform}; returns the progress lines. */
  public static List<String> runDev(Path repo, String terraform, LedgerFile ledger) {
    // @start region="runner"
    AtmosSnapshot head = AtmosRepository.open(repo).load("HEAD");
    RolloutPlanner planner = RolloutPlanner.of(head.pipeline().orElseThrow());
    TerraformRunner runner = TerraformRunner.of(RunnerOptions.builder()
        .binary(terraform)                                   // or "tofu"
        .componentsBasePath(repo.resolve("components/terraform"))
        .maxParallel(2)
        .build());

    List<String> progress = new CopyOnWriteArrayList<>();
    RunListener listener = new RunListener() {
      @Override
      public void planned(Action action, PlanSummary summary) {
        progress.add(action.instance().render() + " planned: " + summary.render());
      }

      @Override
      public void applied(Action action, PlanSummary summary) {
        progress.add(action.instance().render() + " applied");
      }

      @Override
      public void failed(Action action, Step step, String reason) {
        progress.add(action.instance().render() + " failed at " + step + ": " + reason);
      }
    };
    RunReport report = runner.runNext(planner, head.desiredState(), "dev", ledger, listener);
    // @end region="runner"
    progress.add(report.results().size() + " actions, " + (report.hasFailures() ? "with failures" : "all succeeded"));
    return progress;
  }
}
