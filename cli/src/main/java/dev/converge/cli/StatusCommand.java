package dev.converge.cli;

import dev.converge.cli.json.Json;
import dev.converge.cli.json.StatusJson;
import dev.converge.convergence.ConvergenceMarkdown;
import dev.converge.convergence.ConvergenceMermaid;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.convergence.ConvergenceText;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code converge status}: the convergence matrix and one divergence class per component. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "The convergence matrix (component x environment) and each component's divergence class.",
    footer = {"", "Examples:", "  converge status", "  converge status --format markdown > status.md",
        "  converge status --format mermaid"})
final class StatusCommand implements Callable<Integer> {

  @Mixin
  CommonOptions options;

  @Option(names = "--revision", paramLabel = "REV", description = "Report for this git revision (default: HEAD in a git repository, else the files on disk).")
  String revision;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Session session = Session.open(options, Optional.ofNullable(revision), Session.Load.PLANNING);
    ConvergenceReport report = session.convergence().report(session.desired());
    if (options.format == Format.json) {
      Json.print(StatusJson.of(report), spec.commandLine().getOut());
      return 0;
    }
    String rendered = switch (options.format) {
      case json -> throw new IllegalStateException("JSON is printed as it is written, above");
      case markdown -> ConvergenceMarkdown.render(report);
      case mermaid -> ConvergenceMermaid.render(report);
      case text -> Output.colour(ConvergenceText.render(report));
      case github -> throw new Converge.UsageException("status does not support --format github; use text, json, markdown or mermaid");
    };
    spec.commandLine().getOut().print(rendered);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
