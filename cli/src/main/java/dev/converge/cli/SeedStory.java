package dev.converge.cli;

import dev.converge.RolloutPlanner;
import dev.converge.cli.html.HtmlReport;
import dev.converge.convergence.Convergence;
import dev.converge.convergence.ConvergenceText;
import dev.converge.forecast.Forecast;
import dev.converge.forecast.ForecastText;
import dev.converge.forecast.Forecaster;
import dev.converge.ledger.Approval;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderInventory;
import dev.converge.model.Instance;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.Action;
import dev.converge.plan.PlanText;
import dev.converge.plan.RolloutPlan;
import dev.converge.runner.ledger.LedgerFile;
import dev.converge.yaml.AtmosRepository;
import dev.converge.yaml.AtmosSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The seed's story told by the real library on the example estate: a scratch git repository made
 * from {@code examples/infra}, everything deployed at the first commit, then a change merged
 * ({@code eks} to Kubernetes 1.31); the plan and the status at Time 0, +30 min, +2 h and at
 * convergence, with deployments, checks and an approval recorded in a real ledger file between.
 * It ends with the forecast made at Time 0, set against when the story really converged.
 */
final class SeedStory {

  /** A Thursday, inside prod's deployment window. */
  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  /** How long CI takes to apply a wave in this story (it records one a minute after the other). */
  static final Duration DEPLOYMENT = Duration.ofMinutes(1);

  private final PrintWriter out;
  private final Path example;
  private final Path workdir;
  private LedgerFile ledger;
  private AtmosRepository repository;

  SeedStory(PrintWriter out, Path example, Path workdir) {
    this.out = out;
    this.example = example;
    this.workdir = workdir;
  }

  /** Tells the story; returns the last plan. */
  RolloutPlan tell() throws IOException, GitAPIException {
    Path repo = workdir.resolve("infra");
    copy(example, repo);
    ledger = LedgerFile.at(workdir.resolve("ledger.jsonl"));
    repository = AtmosRepository.open(repo);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      String before = commit(git, "The estate as it runs today", T0.minus(Duration.ofDays(2)));
      out.println("Scratch repository " + repo + ", ledger " + ledger.path());
      out.println("Everything runs " + before.substring(0, 7) + ", deployed yesterday.");
      everythingDeployed(T0.minus(Duration.ofDays(1)));

      Path eks = repo.resolve("stacks/catalog/eks.yaml");
      Files.writeString(eks, Files.readString(eks).replace("\"1.30\"", "\"1.31\""));
      String after = commit(git, "EKS: Kubernetes 1.31", T0);
      out.println("Commit " + after.substring(0, 7) + " merged to main: eks moves to Kubernetes 1.31.");
      out.println();

      Forecast forecast = forecast(T0);
      chapter("Time 0: " + after.substring(0, 7) + " merged; dev deploys at once", T0);
      deployNext(T0.plus(Duration.ofMinutes(2)));
      record(check("dev", after, "smoke", T0.plus(Duration.ofMinutes(10))));

      chapter("Time +10min: dev deployed and its smoke test passed; staging soaks", T0.plus(Duration.ofMinutes(10)));
      chapter("Time +30min: the soak is over; staging deploys", T0.plus(Duration.ofMinutes(30)));
      deployNext(T0.plus(Duration.ofMinutes(31)));
      record(check("staging", after, "integration", T0.plus(Duration.ofMinutes(90))));
      record(Approval.builder().at(T0.plus(Duration.ofMinutes(100))).environment("prod").revision(after)
          .approver("alice").build());

      chapter("Time +2h: staging validated, alice approved; prod deploys, us-east-1 first", T0.plus(Duration.ofHours(2)));
      deployNext(T0.plus(Duration.ofHours(2)).plusSeconds(60));
      RolloutPlan last = chapter("Time +2h15: convergence achieved", T0.plus(Duration.ofMinutes(135)));
      epilogue(forecast);
      return last;
    }
  }

  private RolloutPlan chapter(String title, Instant now) {
    AtmosSnapshot head = repository.load("HEAD");
    DesiredState desired = head.desiredState();
    Pipeline pipeline = head.pipeline().orElseThrow();
    Ledger recorded = ledger.load();
    FolderInventory folders = Session.folders(head);
    RolloutPlan plan = RolloutPlanner.of(pipeline).withLedger(recorded).at(now).plan(desired);
    String status = ConvergenceText.render(Convergence.of(pipeline)
        .withLedger(recorded)
        .withFolders(folders)
        .withClassifier(Session.classifier(pipeline, folders))
        .at(now)
        .report(desired, plan));
    out.println("=== " + title);
    out.println(PlanText.render(plan));
    out.println(matrix(status));
    out.flush();
    return plan;
  }

  /** The forecast at {@code now} from the ledger as it is then, deployments taking a minute as in this story. */
  private Forecast forecast(Instant now) {
    AtmosSnapshot head = repository.load("HEAD");
    return Forecaster.of(head.pipeline().orElseThrow()).withLedger(ledger.load()).withDefaultDuration(DEPLOYMENT)
        .at(now).forecast(head.desiredState());
  }

  /**
   * The forecast made at Time 0, and when the story really converged: checks and the approval took
   * people's time. Then the HTML report of the converged estate, beside the ledger.
   */
  private void epilogue(Forecast forecast) {
    Instant converged = ledger.load().recordsOf(Deployment.class).stream().map(Deployment::at)
        .max(Instant::compareTo).orElseThrow();
    out.println("=== The forecast made at Time 0 (a deployment taking a minute, as in this story)");
    out.println(ForecastText.render(forecast));
    out.println("Forecast: converged by " + forecast.convergedAt().map(Instant::toString).orElse("(cannot say)")
        + ". The story converged at " + converged + ": its checks and alice's approval took time that the"
        + " forecast assumes away and marks as waiting on people.");
    Path report = workdir.resolve("report.html");
    AtmosSnapshot head = repository.load("HEAD");
    ReportCommand.write(report, HtmlReport.render(ReportCommand.contents(head, head.pipeline().orElseThrow(),
        ledger.load(), converged.plusSeconds(60), T0.minus(Duration.ofDays(3)), repository)));
    out.println();
    out.println("Report: " + report + " (one self-contained page: open it in a browser)");
    out.flush();
  }

  /** The status heading, pipeline line and matrix: the text up to the per-component details. */
  private static String matrix(String status) {
    String[] blocks = status.split("\n\n", 3);
    return blocks.length >= 2 ? blocks[0] + "\n\n" + blocks[1] + "\n" : status;
  }

  /** Deploys every wave the plan allows now, as CI would after each apply, one wave after the other. */
  private void deployNext(Instant at) {
    AtmosSnapshot head = repository.load("HEAD");
    DesiredState desired = head.desiredState();
    RolloutPlanner planner = RolloutPlanner.of(head.pipeline().orElseThrow());
    Instant now = at;
    RolloutPlan plan = planner.withLedger(ledger.load()).at(now).plan(desired);
    while (!plan.next().isEmpty()) {
      for (Action action : plan.next()) {
        Instance instance = desired.instance(action.instance()).orElseThrow();
        record(deployment(instance, action.toRevision(), now));
        out.println("deployed " + action.instance().render() + " (wave " + action.wave().orElse(0) + ") at " + now);
      }
      now = now.plusSeconds(60);
      plan = planner.withLedger(ledger.load()).at(now).plan(desired);
    }
    out.println();
  }

  private void everythingDeployed(Instant at) {
    AtmosSnapshot head = repository.load("HEAD");
    for (Instance instance : head.desiredState().instances()) {
      if (instance.isDeployable()) {
        record(deployment(instance, head.desiredState().revision().id(), at));
      }
    }
  }

  private void record(LedgerRecord record) {
    ledger.append(record);
  }

  private static CheckResult check(String environment, String revision, String check, Instant at) {
    return CheckResult.builder().at(at).environment(environment).revision(revision).check(check)
        .outcome(Outcome.SUCCESS).build();
  }

  private static Deployment deployment(Instance instance, String revision, Instant at) {
    return Deployment.builder().at(at).instance(instance.id()).folder(instance.folder()).revision(revision)
        .sourceDigest(instance.sourceDigest()).configDigest(instance.configDigest()).outcome(Outcome.SUCCESS)
        .actor("ci").build();
  }

  private static String commit(Git git, String message, Instant when) throws GitAPIException {
    git.add().addFilepattern(".").call();
    PersonIdent ci = new PersonIdent(new PersonIdent("CI", "ci@example.com"), when, ZoneOffset.UTC);
    return git.commit().setMessage(message).setAuthor(ci).setCommitter(ci).call().getName();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
