package dev.converge.cli;

import dev.converge.cli.json.Json;
import dev.converge.cli.json.MetricsJson;
import dev.converge.metrics.DeliveryMetrics;
import dev.converge.metrics.DivergencePicture;
import dev.converge.metrics.EnvironmentMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code converge metrics}: delivery metrics per environment from the ledger over a period, and
 * where divergence stands at its end.
 */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = "Deployment frequency, lead time, change failure rate and time to restore per environment, "
        + "from the ledger; instances behind trunk and overdue planned divergences at the period's end.",
    footer = {"", "Examples:", "  converge metrics --since 2026-11-01T00:00:00Z --until 2026-12-01T00:00:00Z",
        "  converge metrics --since 2026-11-01T00:00:00Z --format json"})
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
    Output.require(options.format, Output.formats(Format.text, Format.json), "metrics");
    Instant end = until != null ? until : options.now();
    if (!since.isBefore(end)) {
      throw new Converge.UsageException("--since (" + since + ") must be before --until (" + end + ")");
    }
    // the ledger and the convergence picture, as status reads them: a load that plans
    Session session = Session.open(options, Optional.empty(), Session.Load.PLANNING);
    DeliveryMetrics metrics = DeliveryMetrics.of(session.ledger(), session.pipeline(), since, end, session.commitTimes());
    DivergencePicture divergence = DivergencePicture.of(session.convergence().at(end).report(session.desired()));
    String rendered = options.format == Format.json ? Json.pretty(MetricsJson.of(metrics, divergence))
        : text(metrics, divergence);
    spec.commandLine().getOut().print(rendered);
    spec.commandLine().getOut().flush();
    return 0;
  }

  static String text(DeliveryMetrics metrics, DivergencePicture divergence) {
    StringBuilder out = new StringBuilder();
    out.append("delivery metrics ").append(metrics.since()).append(" .. ").append(metrics.until()).append('\n');
    for (EnvironmentMetrics e : metrics.environments()) {
      String production = metrics.production().filter(e.environment()::equals).isPresent() ? " (production)" : "";
      out.append(String.format(Locale.ROOT,
          "%s%s  deployments %d (%.2f/day)  lead time %s  change failure rate %s  time to restore %s%n",
          e.environment(), production, e.deployments(), e.deploymentsPerDay(),
          e.medianLeadTime().map(d -> "median " + words(d) + ", longest " + words(e.longestLeadTime().orElseThrow()))
              .orElse("-") + (e.leadTimesUnknown() > 0 ? " (" + e.leadTimesUnknown() + " without a known commit)" : ""),
          e.changeFailureRate().map(r -> String.format(Locale.ROOT, "%.0f%%", r * 100)).orElse("-"),
          e.medianTimeToRestore().map(MetricsCommand::words).orElse("-")));
    }
    out.append("divergence at ").append(divergence.at()).append('\n');
    for (DivergencePicture.Behind b : divergence.environments()) {
      out.append(String.format(Locale.ROOT, "%s  behind trunk %d%s%n", b.environment(), b.behind(),
          b.longestSinceDeployment().map(d -> " (stalest last deployed " + words(d) + " ago)").orElse("")));
    }
    out.append("planned divergences ").append(divergence.planned()).append(" on time, ")
        .append(divergence.overdue().size()).append(" overdue").append('\n');
    for (DivergencePicture.Overdue o : divergence.overdue()) {
      out.append("  ").append(o.component())
          .append(o.convergeBy().map(d -> " converge by " + d).orElse(""))
          .append(o.daysOverdue().map(d -> ", " + d + " days overdue").orElse("")).append('\n');
    }
    return out.toString();
  }

  private static String words(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
