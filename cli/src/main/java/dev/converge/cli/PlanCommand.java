package dev.converge.cli;

import dev.converge.cli.json.Json;
import dev.converge.cli.json.PlanJson;
import dev.converge.convergence.ConvergenceMermaid;
import dev.converge.plan.PlanMarkdown;
import dev.converge.plan.PlanText;
import dev.converge.plan.RolloutPlan;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code converge plan}: the rollout plan for trunk. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "The rollout plan for trunk: every environment's gate and actions, and what may run next.",
    footer = {"", "Examples:", "  converge plan", "  converge plan --format json --at 2026-11-27T14:00:00Z", "  converge plan --format mermaid",
        "  echo \"matrix=$(converge plan --format github)\" >> \"$GITHUB_OUTPUT\""})
final class PlanCommand implements Callable<Integer> {

  @Mixin
  CommonOptions options;

  @Option(names = "--revision", paramLabel = "REV",
      description = "Plan this git revision: HEAD~1, a tag, a short id (default: HEAD in a git repository, else the files on disk).")
  String revision;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Session session = Session.open(options, Optional.ofNullable(revision), Session.Load.PLANNING);
    RolloutPlan plan = session.planner().plan(session.desired());
    if (options.format == Format.json) {
      PlanJson.print(plan, spec.commandLine().getOut());
      return 0;
    }
    String rendered = switch (options.format) {
      case mermaid -> ConvergenceMermaid.render(session.convergence().report(session.desired(), plan));
      case github -> Json.compact(PlanJson.githubMatrix(plan)) + "\n";
      case markdown -> PlanMarkdown.render(plan);
      default -> Output.colour(PlanText.render(plan));
    };
    spec.commandLine().getOut().print(rendered);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
