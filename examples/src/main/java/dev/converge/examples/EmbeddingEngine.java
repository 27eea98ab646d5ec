package dev.converge.examples;

import dev.converge.affected.Affected;
import dev.converge.affected.AffectedReport;
import dev.converge.convergence.Convergence;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.diagnostic.Problem;
import dev.converge.forecast.Forecast;
import dev.converge.forecast.Forecaster;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.Outcome;
import dev.converge.lint.Linter;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.pipeline.StackGlob;
import dev.converge.rollback.Rollback;
import dev.converge.rollback.RollbackTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rest of the engine, embedded: status (one class per component), lint, affected, rollback and
 * the forecast,
 * on a dev and prod estate where dev runs an experiment and prod is one revision behind.
 */
public final class EmbeddingEngine {

  private EmbeddingEngine() {}

  static final Pipeline PIPELINE = Pipeline.builder()
      .addEnvironment(Environment.builder().name("dev").addStack(StackGlob.of("dev/*")).build())
      .addEnvironment(Environment.builder().name("prod").addAfter("dev").addStack(StackGlob.of("prod/*")).build())
      .addProduction("prod")
      .build();

  static Instance vpc(String stack, String folder, String source) {
    return Instance.builder().id(InstanceId.of(stack, "vpc")).folder(folder)
        .sourceDigest(source).configDigest("cfg-" + stack).build();
  }

  static final DesiredState DESIRED = DesiredState.builder()
      .revision(Revision.of("abc1234", Instant.parse("2026-11-27T09:00:00Z")))
      .addInstance(vpc("dev/us-east-1", "vpc-experiment", "exp1").withSettings(Map.of("workspace_key_prefix", "vpc")))
      .addInstance(vpc("prod/us-east-1", "vpc", "v2"))
      .addHistory("abc1234", "xyz7890", "old4567")
      .build();

  static final Ledger LEDGER = Ledger.of(
      deployed("prod/us-east-1", "vpc", "v0", "old4567", "2026-11-20T10:00:00Z"),
      deployed("prod/us-east-1", "vpc", "v1", "xyz7890", "2026-11-26T10:00:00Z"),
      deployed("dev/us-east-1", "vpc-experiment", "exp1", "abc1234", "2026-11-27T09:10:00Z"));

  static Deployment deployed(String stack, String folder, String source, String revision, String at) {
    return Deployment.builder().at(Instant.parse(at)).instance(InstanceId.of(stack, "vpc")).folder(folder)
        .revision(revision).sourceDigest(source).configDigest("cfg-" + stack).outcome(Outcome.SUCCESS).build();
  }

  /** Status, lint, affected, rollback and the forecast, one line each. */
  public static List<String> answers(Instant now) {
    List<String> lines = new ArrayList<>();
    // @start region="engine"
    ConvergenceReport status = Convergence.of(PIPELINE).withLedger(LEDGER).at(now).report(DESIRED);
    status.components().forEach(c -> lines.add("status " + c.component() + " " + c.divergenceClass().word()));

    List<Problem> problems = Linter.of(PIPELINE).at(now).lint(DESIRED);
    problems.forEach(p -> lines.add("lint " + p.severity().word() + " " + p.rule()));

    DesiredState next = DESIRED.withInstances(DESIRED.instances().stream()
        .map(i -> i.stack().startsWith("prod") ? i.withSourceDigest("v3") : i).toList());
    AffectedReport affected = Affected.of(PIPELINE).between(DESIRED, next, List.of("components/terraform/vpc/main.tf"));
    affected.affected().forEach(a -> lines.add("affected " + a.instance().render() + " " + a.reasons().get(0).text()));

    List<RollbackTarget> targets = Rollback.of(PIPELINE).withLedger(LEDGER)
        .targets(DESIRED, "prod", "vpc", Optional.empty(), Optional.empty());
    targets.forEach(t -> lines.add("rollback " + t.instance().render() + " to "
        + t.target().map(Deployment::revision).orElse("nothing")));

    Forecast forecast = Forecaster.of(PIPELINE).withLedger(LEDGER).at(now).forecast(DESIRED);
    forecast.environments().forEach(e -> lines.add("forecast " + e.name() + " "
        + e.finishesAt().map(t -> "finishes " + t).orElse("nothing to deploy")));
    // @end region="engine"
    return lines;
  }

  public static void main(String[] args) {
    answers(Instant.parse("2026-11-27T10:00:00Z")).forEach(System.out::println);
  }
}
