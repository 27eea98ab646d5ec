package dev.converge.examples;

import dev.converge.RolloutPlanner;
import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.ledger.Ledger;
import dev.converge.model.DesiredState;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.PlanText;
import dev.converge.plan.RolloutPlan;
import dev.converge.runner.ledger.LedgerFile;
import dev.converge.yaml.AtmosRepository;
import dev.converge.yaml.AtmosSnapshot;
import dev.converge.yaml.ResolvedComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The loader and the planner on a real Atmos repository: what {@code converge plan} does, in a few
 * lines of your own tool.
 */
public final class PlanningARepository {

  private PlanningARepository() {}

  /** The plan of {@code repo} at HEAD with the ledger in {@code ledgerFile}, as text; or every problem. */
  public static String plan(Path repo, Path ledgerFile, Instant now) {
    // @start region="loader"
    try {
      AtmosSnapshot head = AtmosRepository.open(repo).load("HEAD");   // any git revision; load(): the files on disk
      Pipeline pipeline = head.pipeline().orElseThrow();             // rollout.yaml, beside atmos.yaml
      Ledger ledger = LedgerFile.at(ledgerFile).load();              // a missing file is an empty ledger
      RolloutPlan plan = RolloutPlanner.of(pipeline).withLedger(ledger).at(now).plan(head.desiredState());
      return PlanText.render(plan);
    } catch (ConvergeException e) {                                  // every problem, each with file, line and column
      return e.problems().stream().map(Problem::render).collect(Collectors.joining("\n"));
    }
    // @end region="loader"
  }

  /** The tour of docs/yaml-loader.md: every way to read the repository in the current folder (compiled, not run). */
  public static Map<String, Object> tour() {
    // @start region="yaml-loader"
    AtmosRepository repo = AtmosRepository.open(Path.of("."));   // the folder with atmos.yaml
    AtmosSnapshot head = repo.load("HEAD");                        // any git revision: HEAD~1, a tag, a short id
    AtmosSnapshot disk = repo.load();                              // the working tree (revision = HEAD's id)

    DesiredState desired = head.desiredState();                    // instances, revision, first-parent history
    Optional<Pipeline> pipeline = head.pipeline();                 // rollout.yaml, when present
    ResolvedComponent vpc = head.describeComponent("vpc", "prod/us-east-1");
    vpc.configuration();                                           // what `describe component` prints
    // @end region="yaml-loader"
    return Map.of("repo", repo, "disk", disk, "desired", desired, "pipeline", pipeline, "vpc", vpc);
  }

  /** The folder and digests of one instance, as {@code converge describe component} gives them. */
  public static String describe(Path repo, String component, String stack) {
    // @start region="describe"
    AtmosSnapshot head = AtmosRepository.open(repo).load("HEAD");
    ResolvedComponent resolved = head.describeComponent(component, stack);
    String folder = resolved.folder();                          // metadata.component: vpc-experiment
    String sourceDigest = resolved.sourceDigest().orElseThrow();  // git rev-parse HEAD:components/terraform/<folder>
    String configDigest = resolved.configDigest();              // SHA-256 of the configuration (siphash: if abstract)
    Object vars = resolved.configuration().get("vars");         // everything atmos describe component prints
    // @end region="describe"
    return folder + " " + sourceDigest + " " + configDigest + " " + vars;
  }
}
