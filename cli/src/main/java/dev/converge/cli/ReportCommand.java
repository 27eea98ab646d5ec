package dev.converge.cli;

import dev.converge.RolloutPlanner;
import dev.converge.cli.html.HtmlReport;
import dev.converge.convergence.Convergence;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.forecast.EnvironmentForecast;
import dev.converge.forecast.Forecast;
import dev.converge.forecast.Forecaster;
import dev.converge.forecast.Wait;
import dev.converge.forecast.WaitKind;
import dev.converge.forecast.WaveForecast;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.metrics.DeliveryMetrics;
import dev.converge.metrics.DivergencePicture;
import dev.converge.model.DesiredState;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.RolloutPlan;
import dev.converge.yaml.AtmosRepository;
import dev.converge.yaml.AtmosSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code converge report}: one self-contained HTML page of the rollout. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Writes one self-contained HTML page: the pipeline and its gates, the timeline to convergence, "
        + "the convergence matrix, delivery metrics and the newest ledger records.",
    footer = {"", "Examples:", "  converge report --out report.html",
        "  converge report --out report.html --since 2026-11-01T00:00:00Z"})
final class ReportCommand implements Callable<Integer> {

  /** How many ledger records the page lists. */
  static final int RECENT_RECORDS = 20;

  @Mixin
  CommonOptions options;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write (replaced whole).")
  Path out;

  @Option(names = "--since", paramLabel = "INSTANT", converter = CommonOptions.InstantConverter.class,
      description = "Start of the metrics period (default: 30 days before --at, else now).")
  Instant since;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Output.require(options.format, Output.formats(Format.text), "report");
    // the plan, the convergence picture, the forecast and the metrics: a load that plans
    Session session = Session.open(options, Optional.empty(), Session.Load.PLANNING);
    Instant now = session.now;
    Instant from = since != null ? since : now.minus(Duration.ofDays(30));
    if (!from.isBefore(now)) {
      throw new Converge.UsageException("--since (" + from + ") must be before --at (" + now + ")");
    }
    HtmlReport.Contents contents = contents(session.snapshot, session.pipeline(), session.ledger(), now, from,
        session.repository);
    write(out, HtmlReport.render(contents));
    spec.commandLine().getOut().println("wrote " + out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Everything the page shows, for the repository at {@code snapshot}, the ledger, an instant and a metrics period. */
  static HtmlReport.Contents contents(AtmosSnapshot snapshot, Pipeline pipeline, Ledger ledger, Instant now,
      Instant since, AtmosRepository repository) {
    DesiredState desired = snapshot.desiredState();
    RolloutPlan plan = RolloutPlanner.of(pipeline).withLedger(ledger).at(now).plan(desired);
    ConvergenceReport convergence = Convergence.of(pipeline).withLedger(ledger).withFolders(snapshot.folderInventory())
        .withClassifier(snapshot.classifier()).at(now).report(desired, plan);
    Forecast forecast = Forecaster.of(pipeline).withLedger(ledger).at(now).forecast(desired);
    DeliveryMetrics metrics = DeliveryMetrics.of(ledger, pipeline, since, now, Session.commitTimes(repository, ledger));
    List<LedgerRecord> records = ledger.records();
    return new HtmlReport.Contents(plan, convergence, metrics, DivergencePicture.of(convergence),
        timeline(forecast), forecast.convergedAt(), forecast.assumptions(),
        records.subList(Math.max(0, records.size() - RECENT_RECORDS), records.size()));
  }

  /**
   * The forecast as moments in time order: each wait (approvals as waiting on a person), each wave's
   * start and finish, each environment's finish, convergence.
   */
  static List<HtmlReport.TimelineEntry> timeline(Forecast forecast) {
    List<HtmlReport.TimelineEntry> entries = new ArrayList<>();
    for (EnvironmentForecast environment : forecast.environments()) {
      String name = environment.name();
      for (WaveForecast wave : environment.waves()) {
        for (Wait wait : wave.waits()) {
          boolean person = wait.kind() == WaitKind.APPROVAL;
          entries.add(new HtmlReport.TimelineEntry(name, wait.from(),
              (person ? "waits for approval" : "waits: " + wait.kind().word())
                  + wait.until().map(t -> " until " + t).orElse("") + " (" + wait.message() + ")", person));
        }
        entries.add(new HtmlReport.TimelineEntry(name, wave.startsAt(),
            "wave " + wave.wave() + " starts (" + wave.instances().size() + " instance"
                + (wave.instances().size() == 1 ? "" : "s") + ")", false));
      }
      environment.finishesAt().ifPresent(t -> entries.add(new HtmlReport.TimelineEntry(name, t, "finishes", false)));
      environment.unresolved().ifPresent(u -> entries.add(
          new HtmlReport.TimelineEntry(name, forecast.at(), "cannot be forecast: " + u, false)));
    }
    entries.sort(Comparator.comparing(HtmlReport.TimelineEntry::at));
    return entries;
  }

  /** Writes beside the target and moves it into place: a reader never sees half a page. */
  static void write(Path target, String html) {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
      Files.writeString(temporary, html, StandardCharsets.UTF_8);
      if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
        // a temporary file is private; the page is for sharing, like any file the user writes
        Files.setPosixFilePermissions(temporary, Files.exists(absolute)
            ? Files.getPosixFilePermissions(absolute) : PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        if (temporary != null) {
          Files.deleteIfExists(temporary);
        }
      } catch (IOException ignored) {
        // the write failed already; that is the error to report
      }
      throw new ConvergeException(List.of(Problem.builder().rule("report-unwritable").severity(Severity.ERROR)
          .message("cannot write " + target + ": " + e.getMessage())
          .fix("choose a --out path in a folder you can write").build()));
    }
  }
}
