package dev.converge.forecast;

/** A forecast as Markdown, for a pull-request comment: one row per wave, then the assumptions. */
public final class ForecastMarkdown {

  private ForecastMarkdown() {}

  public static String render(Forecast forecast) {
    StringBuilder out = new StringBuilder();
    out.append("### Rollout forecast for `").append(forecast.revision()).append("`\n\n");
    out.append(ForecastText.headline(forecast)).append("\n\n");
    out.append("| environment | wave | starts | finishes | waited on | instances |\n|---|---:|---|---|---|---|\n");
    for (EnvironmentForecast environment : forecast.environments()) {
      if (environment.waves().isEmpty()) {
        out.append("| ").append(environment.name()).append(" | | | | ")
            .append(escape(environment.unresolved().orElse("nothing to deploy"))).append(" | |\n");
        continue;
      }
      for (WaveForecast wave : environment.waves()) {
        StringBuilder waits = new StringBuilder();
        for (Wait wait : wave.waits()) {
          if (waits.length() > 0) {
            waits.append("<br>");
          }
          waits.append(wait.onPerson() ? "**" + wait.kind().word() + "**" : wait.kind().word())
              .append(' ').append(ForecastText.span(wait)).append(": ").append(wait.message());
        }
        out.append("| ").append(environment.name())
            .append(" | ").append(wave.wave())
            .append(" | ").append(wave.startsAt())
            .append(" | ").append(wave.finishesAt())
            .append(" | ").append(escape(waits.toString()))
            .append(" | ").append(escape(ForecastText.instances(wave.instances())))
            .append(" |\n");
      }
      environment.unresolved().ifPresent(u -> out.append("| ").append(environment.name())
          .append(" | | | | ").append(escape(u)).append(" | |\n"));
    }
    out.append("\nDeployment durations: ");
    out.append(String.join("; ", forecast.environments().stream()
        .map(e -> e.name() + " " + e.duration().describe()).toList())).append(".\n");
    if (!forecast.unresolved().isEmpty()) {
      out.append("\n**Cannot forecast further**\n\n");
      forecast.unresolved().forEach(u -> out.append("- ").append(escape(u)).append('\n'));
    }
    out.append("\n**Assumptions**\n\n");
    forecast.assumptions().forEach(a -> out.append("- ").append(escape(a)).append('\n'));
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
