package dev.converge.cli;

import dev.converge.affected.Affected;
import dev.converge.affected.AffectedInstance;
import dev.converge.affected.AffectedReason;
import dev.converge.affected.AffectedReport;
import dev.converge.cli.json.AffectedJson;
import dev.converge.cli.json.Json;
import dev.converge.yaml.AtmosSnapshot;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code converge affected}: what a change does, in every environment. */
@Command(
    name = "affected",
    mixinStandardHelpOptions = true,
    description = "Every instance whose deployment changes between two revisions, in every environment, with reasons.",
    footer = {"", "Examples:", "  converge affected --base HEAD~1", "  converge affected --base v1.4.0 --head main --format json"})
final class AffectedCommand implements Callable<Integer> {

  @Mixin
  CommonOptions options;

  @Option(names = "--base", paramLabel = "REV", required = true, description = "The revision to compare from.")
  String base;

  @Option(names = "--head", paramLabel = "REV", defaultValue = "HEAD", description = "The revision to compare to (default: ${DEFAULT-VALUE}).")
  String head;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Output.require(options.format, Output.formats(Format.text, Format.json, Format.markdown), "affected");
    // both revisions are only compared with each other: comparison digests, not the ledger's SHA-256
    Session session = Session.open(options, Optional.of(head), Session.Load.COMPARING);
    AtmosSnapshot baseSnapshot = session.load(base);
    AffectedReport report = Affected.of(session.pipeline())
        .withFolders(Session.folders(baseSnapshot), session.folders())
        .between(baseSnapshot.desiredState(), session.desired(), session.repository.changedFiles(baseSnapshot, session.snapshot));
    if (options.format == Format.json) {
      Json.print(AffectedJson.of(report), spec.commandLine().getOut());
      return 0;
    }
    StringBuilder out = new StringBuilder();
    switch (options.format) {
      case markdown -> {
        out.append("### Affected between `").append(report.base()).append("` and `").append(report.head()).append("`\n\n");
        out.append("| environment | stack | component | folder | why |\n|---|---|---|---|---|\n");
        for (AffectedInstance a : report.affected()) {
          out.append("| ").append(a.environment().orElse("")).append(" | `").append(a.instance().stack())
              .append("` | `").append(a.instance().component()).append("` | `").append(a.folder()).append("` | ")
              .append(String.join("; ", a.reasons().stream().map(AffectedReason::text).toList()).replace("|", "\\|"))
              .append(" |\n");
        }
      }
      default -> {
        out.append("Affected between ").append(report.base()).append(" and ").append(report.head()).append(": ")
            .append(report.affected().size()).append(report.affected().size() == 1 ? " instance\n" : " instances\n");
        for (AffectedInstance a : report.affected()) {
          out.append("  ").append(a.environment().orElse("-")).append("  ").append(a.instance().render())
              .append("  (").append(a.folder()).append(")\n");
          a.reasons().forEach(r -> out.append("      ").append(r.text()).append('\n'));
        }
      }
    }
    spec.commandLine().getOut().print(out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
