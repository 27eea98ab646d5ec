package dev.converge.cli;

import dev.converge.cli.json.ForecastJson;
import dev.converge.cli.json.Json;
import dev.converge.forecast.Forecast;
import dev.converge.forecast.ForecastMarkdown;
import dev.converge.forecast.ForecastText;
import dev.converge.forecast.Forecaster;
import dev.converge.pipeline.Durations;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code converge forecast}: when trunk is expected to reach every environment, wave by wave, and why. */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = {"When trunk is expected to converge: per environment and wave, when each gate opens and why"
        + " (soak end, window opening, freeze end, an approval waiting on a person), by planning repeatedly"
        + " on the ledger extended with assumed events: deployments succeed, checks pass, approvals come when"
        + " needed. Deployment durations are the median of the environment's recent runs in the ledger."},
    footer = {"", "Examples:", "  converge forecast", "  converge forecast --format json --at 2026-11-26T10:00:00Z",
        "  converge forecast --format markdown --default-duration 5m"})
final class ForecastCommand implements Callable<Integer> {

  @Mixin
  CommonOptions options;

  @Option(names = "--revision", paramLabel = "REV",
      description = "Forecast this git revision (default: HEAD in a git repository, else the files on disk).")
  String revision;

  @Option(names = "--default-duration", paramLabel = "DURATION", defaultValue = "10m",
      description = "The duration of a deployment in an environment whose ledger has no history (default: ${DEFAULT-VALUE}).")
  String defaultDuration;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Output.require(options.format, Output.formats(Format.text, Format.json, Format.markdown), "forecast");
    Session session = Session.open(options, Optional.ofNullable(revision), Session.Load.PLANNING);
    Forecast forecast = Forecaster.of(session.pipeline())
        .withLedger(session.ledger())
        .withDefaultDuration(Durations.parse(defaultDuration))
        .at(session.now)
        .forecast(session.desired());
    String rendered = switch (options.format) {
      case json -> Json.pretty(ForecastJson.of(forecast));
      case markdown -> ForecastMarkdown.render(forecast);
      default -> Output.colour(ForecastText.render(forecast));
    };
    spec.commandLine().getOut().print(rendered);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
