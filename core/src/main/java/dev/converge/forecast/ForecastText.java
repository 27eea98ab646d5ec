package dev.converge.forecast;

import dev.converge.model.InstanceId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A forecast as text for people: when trunk converges, then per environment its waves (start,
 * finish, instances) and what each waited on, then the assumptions.
 */
public final class ForecastText {

  private ForecastText() {}

  public static String render(Forecast forecast) {
    StringBuilder out = new StringBuilder();
    out.append("Forecast for ").append(forecast.revision()).append(" at ").append(forecast.at()).append('\n');
    out.append(headline(forecast)).append('\n');
    for (EnvironmentForecast environment : forecast.environments()) {
      out.append('\n');
      renderEnvironment(out, environment);
    }
    if (!forecast.unresolved().isEmpty()) {
      out.append("\nCannot forecast further:\n");
      forecast.unresolved().forEach(u -> out.append("  - ").append(u).append('\n'));
    }
    out.append("\nAssumptions:\n");
    forecast.assumptions().forEach(a -> out.append("  - ").append(a).append('\n'));
    return out.toString();
  }

  /** One line: converged already, converged by an instant (and on what condition), or not forecast. */
  static String headline(Forecast forecast) {
    if (forecast.convergedAt().isEmpty()) {
      return "Convergence cannot be forecast: " + forecast.unresolved().size()
          + (forecast.unresolved().size() == 1 ? " thing stands" : " things stand") + " in the way.";
    }
    if (forecast.convergedAt().get().equals(forecast.at()) && forecast.environments().stream()
        .allMatch(e -> e.waves().isEmpty())) {
      return "Converged already: nothing to deploy.";
    }
    boolean approvals = forecast.environments().stream().anyMatch(EnvironmentForecast::assumesApproval);
    return "Converged by " + forecast.convergedAt().get()
        + (approvals ? ", if approvals are given as soon as they are needed." : ".");
  }

  private static void renderEnvironment(StringBuilder out, EnvironmentForecast environment) {
    out.append(environment.name()).append("  ");
    if (environment.unresolved().isPresent()) {
      out.append("cannot be forecast");
    } else if (environment.finishesAt().isPresent()) {
      out.append("finishes ").append(environment.finishesAt().get());
    } else {
      out.append("nothing to deploy");
    }
    out.append("  (a deployment takes ").append(environment.duration().describe()).append(")\n");
    for (WaveForecast wave : environment.waves()) {
      out.append("  wave ").append(wave.wave()).append("  ").append(wave.startsAt()).append(" -> ")
          .append(wave.finishesAt()).append("  ").append(instances(wave.instances())).append('\n');
      for (Wait wait : wave.waits()) {
        out.append("    - ").append(wait.kind().word()).append(' ').append(span(wait)).append(": ")
            .append(wait.message()).append('\n');
      }
    }
    environment.unresolved().ifPresent(u -> out.append("  - ").append(u).append('\n'));
  }

  static String span(Wait wait) {
    return wait.until().map(u -> wait.from() + " .. " + u).orElse("from " + wait.from() + " (a person)");
  }

  static String instances(List<InstanceId> instances) {
    return instances.stream().map(InstanceId::render).collect(Collectors.joining(", "));
  }
}
