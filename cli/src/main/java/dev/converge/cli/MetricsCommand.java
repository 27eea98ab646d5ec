package dev.converge.cli;

import dev.converge.metrics.DeliveryMetrics;
import dev.converge.metrics.EnvironmentMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code converge metrics}: delivery metrics per environment from the ledger over a period. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = "Deployment frequency, change failure rate and time to restore per environment, from the ledger.",
    footer = {"", "Examples:", "  converge metrics --since 2026-11-01T00:00:00Z --until 2026-12-01T00:00:00Z"})
final class MetricsCommand implements Callable<Integer> {

  @Mixin
  CommonOptions options;

  @Option(names = "--since", required = true, paramLabel = "INSTANT", converter = CommonOptions.InstantConverter.class,
      description = "Start of the period (inclusive), ISO-8601.")
  Instant since;

  @Option(names = "--until", paramLabel = "INSTANT", converter = CommonOptions.InstantConverter.class,
      description = "End of the period (exclusive), ISO-8601 (default: --at, else now).")
  Instant until;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Output.require(options.format, Output.formats(Format.text), "metrics");
    Instant end = until != null ? until : options.now();
    if (!since.isBefore(end)) {
      throw new Converge.UsageException("--since (" + since + ") must be before --until (" + end + ")");
    }
    Session session = Session.open(options, Optional.empty());
    DeliveryMetrics metrics = DeliveryMetrics.of(session.ledger(), session.pipeline(), since, end);
    StringBuilder out = new StringBuilder();
    out.append("delivery metrics ").append(since).append(" .. ").append(end).append('\n');
    for (EnvironmentMetrics e : metrics.environments()) {
      out.append(String.format(Locale.ROOT, "%s  deployments %d (%.2f/day)  change failure rate %s  time to restore %s%n",
          e.environment(), e.deployments(), e.deploymentsPerDay(),
          e.changeFailureRate().map(r -> String.format(Locale.ROOT, "%.0f%%", r * 100)).orElse("-"),
          e.medianTimeToRestore().map(MetricsCommand::words).orElse("-")));
    }
    spec.commandLine().getOut().print(out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static String words(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
