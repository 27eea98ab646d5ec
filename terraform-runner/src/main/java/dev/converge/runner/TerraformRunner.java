package dev.converge.runner;

import dev.converge.RolloutPlanner;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Drift;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.model.ContentDigest;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.plan.Action;
import dev.converge.plan.ActionKind;
import dev.converge.plan.EnvironmentPlan;
import dev.converge.plan.RolloutPlan;
import dev.converge.runner.internal.process.Cancellation;
import dev.converge.runner.internal.process.CommandExecutor;
import dev.converge.runner.internal.process.CommandLine;
import dev.converge.runner.internal.process.Completion;
import dev.converge.runner.internal.process.ProcessExecutor;
import dev.converge.runner.internal.terraform.AtmosFiles;
import dev.converge.runner.internal.terraform.Masker;
import dev.converge.runner.internal.terraform.PlanJson;
import dev.converge.runner.internal.terraform.TerraformCommands;
import dev.converge.runner.internal.terraform.TerraformEnvironment;
import dev.converge.runner.ledger.LedgerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code terraform} (or {@code tofu}) for what a rollout plan says may run now.
 *
 * <p>For each action of {@code plan.next()} in the chosen environment, in its component folder:
 * write the files Atmos would write (the var file and {@code backend.tf.json}), then
 * {@code init -reconfigure -input=false}, {@code workspace select -or-create <workspace>},
 * {@code plan -input=false -no-color -detailed-exitcode -var-file=… -out=…} and
 * {@code show -json <planfile>}, summarised. Unless plan-only, it asks the planner again and
 * applies the saved plan only if the action is still in {@code next}: a deployment recorded
 * meanwhile, a hold, a bad mark or a newer revision can withdraw it.
 *
 * <p>Every outcome becomes a ledger record (a successful or failed deployment with the instance's
 * digests; a drift), returned in the {@link RunReport} and handed to the caller's recorder as soon
 * as it is known, so that a run cut short loses nothing already done. The runner itself never
 * writes the ledger unless asked through {@link #runAndRecord}.
 *
 * <p>At most {@link RunnerOptions#maxParallel()} instances run at once; instances that deploy the
 * same folder run one after another, because they share its {@code .terraform} directory and
 * {@code backend.tf.json}. No shell is involved: every step is an argument list, with an
 * environment made only of the allow-listed variables, the instance's {@code env} and
 * {@code TF_IN_AUTOMATION=1}. Output goes to the slf4j logger {@code dev.converge.runner.terraform},
 * with the values of sensitive variables masked.
 *
 * <p>{@code converge run} for one environment:
 *
 * <pre>{@code
 * TerraformRunner runner = TerraformRunner.of(RunnerOptions.builder()
 *     .componentsBasePath(repo.resolve("components/terraform"))
 *     .passEnvironment(Set.of("PATH", "HOME", "AWS_*"))
 *     .maxParallel(4)
 *     .actor("ci")
 *     .build());
 * LedgerFile ledger = LedgerFile.at(repo.resolve(".converge/ledger.jsonl"));
 * RunReport report = runner.runNext(RolloutPlanner.of(pipeline), desired, "dev", ledger, progress);
 * int exitCode = report.hasFailures() ? 1 : 0;
 * }</pre>
 */
public final class TerraformRunner {

  /** Where Terraform's output goes, line by line: stdout at INFO, stderr at WARN. */
  public static final String OUTPUT_LOGGER = "dev.converge.runner.terraform";

  private static final Logger LOG = LoggerFactory.getLogger(TerraformRunner.class);

  /** Receives each line of Terraform output, already masked. */
  interface Output {
    void line(InstanceId instance, Step step, boolean stderr, String text);
  }

  private static final Output SLF4J = new Output() {
    private final Logger output = LoggerFactory.getLogger(OUTPUT_LOGGER);

    @Override
    public void line(InstanceId instance, Step step, boolean stderr, String text) {
      if (stderr) {
        output.warn("[{} {}] {}", instance.render(), step.word(), text);
      } else {
        output.info("[{} {}] {}", instance.render(), step.word(), text);
      }
    }
  };

  private final RunnerOptions options;
  private final CommandExecutor executor;
  private final Output output;
  private final Pattern sensitiveNames;
  private final Map<Path, ReentrantLock> folderLocks = new ConcurrentHashMap<>();

  TerraformRunner(RunnerOptions options, CommandExecutor executor, Output output) {
    this.options = Objects.requireNonNull(options, "options");
    this.executor = executor;
    this.output = output;
    this.sensitiveNames = Pattern.compile(options.sensitiveNames());
  }

  public static TerraformRunner of(RunnerOptions options) {
    return new TerraformRunner(options, new ProcessExecutor(options.killGrace()), SLF4J);
  }

  public RunnerOptions options() {
    return options;
  }

  /**
   * Runs the {@code next} actions of the request's environment and waits for them.
   *
   * @param replan asked before each apply for a fresh plan (typically: read the ledger again and
   *     plan); an action no longer in its {@code next} is refused. Called one at a time.
   */
  public RunReport run(RunRequest request, Supplier<RolloutPlan> replan, RunListener listener) {
    return start(request, replan, listener, record -> {}).await();
  }

  /** {@link #run}, appending each record to {@code ledger} as soon as it is known. */
  public RunReport runAndRecord(RunRequest request, Supplier<RolloutPlan> replan, RunListener listener,
      LedgerStore ledger) {
    return start(request, replan, listener, ledger::append).await();
  }

  /**
   * The whole of {@code converge run} for one environment: plans {@code desired} with the ledger
   * file at the runner's clock, runs the environment's {@code next} actions, appends each record to
   * the file as soon as it is known, and before each apply plans again from the file. Should the
   * JVM be asked to stop meanwhile, the run is cancelled ({@link Execution#cancelOnShutdown()}).
   *
   * @throws dev.converge.diagnostic.ConvergeException when the ledger file has lines that are not records
   */
  public RunReport runNext(RolloutPlanner planner, DesiredState desired, String environment, LedgerStore ledger,
      RunListener listener) {
    Supplier<RolloutPlan> replan = replanFrom(planner, desired, ledger);
    RunRequest request = RunRequest.of(environment, replan.get(), desired);
    return start(request, replan, listener, ledger::append).cancelOnShutdown().await();
  }

  /**
   * A re-planner for {@link #run}: reads the ledger file again and plans {@code desired} at the
   * runner's clock, so that records appended meanwhile (by this run or anyone else) count.
   */
  public Supplier<RolloutPlan> replanFrom(RolloutPlanner planner, DesiredState desired, LedgerStore ledger) {
    Objects.requireNonNull(planner, "planner");
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(ledger, "ledger");
    return () -> planner.withLedger(ledger.load()).at(options.clock().instant()).plan(desired);
  }

  /**
   * Starts the {@code next} actions of the request's environment in the background.
   *
   * @param recorder receives each ledger record as soon as it is known, one at a time (the
   *     report lists them too)
   */
  public Execution start(RunRequest request, Supplier<RolloutPlan> replan, RunListener listener,
      Consumer<LedgerRecord> recorder) {
    Objects.requireNonNull(replan, "replan");
    List<Action> actions = request.plan().next().stream()
        .filter(a -> a.environment().equals(request.environment()))
        .toList();
    Object replanLock = new Object();
    Supplier<RolloutPlan> serialReplan = () -> {
      synchronized (replanLock) {
        return replan.get();
      }
    };
    return launch(request, actions, listener, recorder,
        (action, run) -> run.deploy(action, serialReplan));
  }

  /**
   * Plans (never applies) every instance of the environment that the plan says is up to date
   * ({@code noop}), with {@code -detailed-exitcode}: exit 2 means the real infrastructure differs
   * from what was deployed, and gives a {@link Drift} record with the change count.
   */
  public RunReport checkDrift(RunRequest request, RunListener listener) {
    return startDriftCheck(request, listener, record -> {}).await();
  }

  /**
   * Drift detection for one environment against the ledger file: plans {@code desired} with the
   * file at the runner's clock, checks every up-to-date instance, and appends each drift record.
   */
  public RunReport checkDrift(RolloutPlanner planner, DesiredState desired, String environment, LedgerStore ledger,
      RunListener listener) {
    RolloutPlan plan = replanFrom(planner, desired, ledger).get();
    return startDriftCheck(RunRequest.of(environment, plan, desired), listener, ledger::append)
        .cancelOnShutdown().await();
  }

  /** {@link #checkDrift} in the background. */
  public Execution startDriftCheck(RunRequest request, RunListener listener, Consumer<LedgerRecord> recorder) {
    List<Action> actions = request.plan().environment(request.environment())
        .map(EnvironmentPlan::actions).orElse(List.of()).stream()
        .filter(a -> a.kind() == ActionKind.NOOP)
        .toList();
    return launch(request, actions, listener, recorder, (action, run) -> run.checkDrift(action));
  }

  private interface Work {
    ActionResult run(Action action, InstanceRun run);
  }

  private Execution launch(RunRequest request, List<Action> actions, RunListener listener,
      Consumer<LedgerRecord> recorder, Work work) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(recorder, "recorder");
    Cancellation cancellation = new Cancellation();
    if (actions.isEmpty()) {
      return new Execution(CompletableFuture.completedFuture(
          RunReport.builder().environment(request.environment()).build()), cancellation);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.maxParallel(), actions.size()),
        new WorkerThreads(request.environment()));
    Consumer<LedgerRecord> serialRecorder = record -> {
      synchronized (recorder) {
        recorder.accept(record);
      }
    };
    RunListener safeListener = new SafeListener(listener);
    List<CompletableFuture<ActionResult>> results = actions.stream()
        .map(action -> CompletableFuture.supplyAsync(() -> {
          ActionResult result = work.run(action, new InstanceRun(request, safeListener, cancellation));
          result.record().ifPresent(serialRecorder);
          return result;
        }, pool))
        .toList();
    CompletableFuture<RunReport> report = CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenApply(done -> RunReport.builder()
            .environment(request.environment())
            .addAllResults(results.stream().map(CompletableFuture::join).toList())
            .build());
    report.whenComplete((r, e) -> pool.shutdown());
    return new Execution(report, cancellation);
  }

  /** Runs the steps for one action; one instance per action, on one worker thread. */
  private final class InstanceRun {
    private final RunRequest request;
    private final RunListener listener;
    private final Cancellation cancellation;

    InstanceRun(RunRequest request, RunListener listener, Cancellation cancellation) {
      this.request = request;
      this.listener = listener;
      this.cancellation = cancellation;
    }

    ActionResult deploy(Action action, Supplier<RolloutPlan> replan) {
      if (cancellation.isCancelled()) {
        return result(action, ActionStatus.CANCELLED).message("cancelled before it started").build();
      }
      if (!action.kind().isChange()) {
        return result(action, ActionStatus.SKIPPED).message("a " + action.kind().word() + " action changes nothing").build();
      }
      Optional<Instance> found = request.instance(action.instance());
      if (found.isEmpty()) {
        String reason = "no configuration for " + action.instance().render()
            + (action.kind() == ActionKind.DESTROY ? ": pass it as retired in the request" : " in the desired state");
        listener.failed(action, Step.PREPARE, reason);
        return result(action, ActionStatus.FAILED).failedStep(Step.PREPARE).message(reason).build();
      }
      Instance instance = found.get();
      listener.started(action);
      Path folder = options.componentsBasePath().resolve(instance.folder()).normalize();
      ReentrantLock lock = folderLocks.computeIfAbsent(folder, f -> new ReentrantLock());
      lock.lock();
      try {
        return new Steps(action, instance, folder).deploy(replan);
      } finally {
        lock.unlock();
      }
    }

    ActionResult checkDrift(Action action) {
      if (cancellation.isCancelled()) {
        return result(action, ActionStatus.CANCELLED).message("cancelled before it started").build();
      }
      Optional<Instance> found = request.desired().instance(action.instance());
      if (found.isEmpty()) {
        String reason = "no configuration for " + action.instance().render() + " in the desired state";
        listener.failed(action, Step.PREPARE, reason);
        return result(action, ActionStatus.FAILED).failedStep(Step.PREPARE).message(reason).build();
      }
      listener.started(action);
      Path folder = options.componentsBasePath().resolve(found.get().folder()).normalize();
      ReentrantLock lock = folderLocks.computeIfAbsent(folder, f -> new ReentrantLock());
      lock.lock();
      try {
        return new Steps(action, found.get(), folder).checkDrift();
      } finally {
        lock.unlock();
      }
    }

    /** The steps of one instance, sharing its folder, environment and masker. */
    private final class Steps {
      private final Action action;
      private final Instance instance;
      private final Path folder;
      private final Map<String, String> environment;
      private final Masker masker;
      private final String varFile;
      private final String planFile;

      Steps(Action action, Instance instance, Path folder) {
        this.action = action;
        this.instance = instance;
        this.folder = folder;
        this.environment = TerraformEnvironment.of(options.hostEnvironment(), options.passEnvironment(), instance);
        this.masker = Masker.of(sensitiveNames, options.secrets(),
            List.of(instance.vars(), instance.env(), environment));
        this.varFile = AtmosFiles.varFileName(instance);
        this.planFile = AtmosFiles.planFileName(instance);
      }

      ActionResult deploy(Supplier<RolloutPlan> replan) {
        Failure refused = comparisonDigest();
        if (refused != null) {
          return failed(refused, false);
        }
        Failure failure = prepare();
        if (failure != null) {
          return failed(failure, true);
        }
        boolean destroy = action.kind() == ActionKind.DESTROY;
        Completion plan = run(Step.PLAN, TerraformCommands.plan(options.binary(), varFile, planFile, destroy), false);
        if (plan.exitCode() != 0 && plan.exitCode() != 2 || plan.timedOut() || plan.cancelled()) {
          return failed(failure(Step.PLAN, plan), true);
        }
        Completion show = run(Step.SHOW, TerraformCommands.show(options.binary(), planFile), true);
        if (show.exitCode() != 0 || show.timedOut() || show.cancelled()) {
          return failed(failure(Step.SHOW, show), true);
        }
        PlanSummary summary;
        try {
          summary = PlanJson.summarise(show.stdout());
        } catch (IllegalArgumentException e) {
          return failed(new Failure(Step.SHOW, masker.mask(e.getMessage()), false), true);
        }
        LOG.info("[{}] plan: {}", instance.id().render(), summary.render());
        listener.planned(action, summary);
        if (options.planOnly()) {
          return result(action, ActionStatus.PLANNED).summary(summary).build();
        }
        RolloutPlan fresh;
        try {
          fresh = replan.get();
        } catch (RuntimeException e) {
          String reason = "re-planning before apply failed: " + e.getMessage();
          listener.refused(action, reason);
          return result(action, ActionStatus.REFUSED).summary(summary).failedStep(Step.REPLAN).message(reason).build();
        }
        if (!stillNext(fresh)) {
          String reason = action.kind().word() + " of " + action.instance().render() + " to " + action.toRevision()
              + " is no longer in next: the ledger or the desired state changed since the plan";
          listener.refused(action, reason);
          return result(action, ActionStatus.REFUSED).summary(summary).failedStep(Step.REPLAN).message(reason).build();
        }
        if (cancellation.isCancelled()) {
          return result(action, ActionStatus.CANCELLED).summary(summary).failedStep(Step.APPLY)
              .message("cancelled before apply").build();
        }
        if (plan.exitCode() == 0) {
          listener.applied(action, summary);
          return result(action, ActionStatus.APPLIED).summary(summary).message("no changes to apply")
              .record(deployment(Outcome.SUCCESS)).build();
        }
        Completion apply = run(Step.APPLY, TerraformCommands.apply(options.binary(), planFile), false);
        if (apply.exitCode() != 0 || apply.timedOut() || apply.cancelled()) {
          Failure f = failure(Step.APPLY, apply);
          // An interrupted apply may have changed resources: it is recorded as failed, not cancelled.
          return failed(new Failure(f.step(), f.reason(), false), true).withSummary(summary);
        }
        listener.applied(action, summary);
        return result(action, ActionStatus.APPLIED).summary(summary).record(deployment(Outcome.SUCCESS)).build();
      }

      ActionResult checkDrift() {
        Failure failure = prepare();
        if (failure != null) {
          return failed(failure, false);
        }
        Completion plan = run(Step.PLAN, TerraformCommands.plan(options.binary(), varFile, planFile, false), false);
        if (plan.exitCode() == 0 && !plan.timedOut() && !plan.cancelled()) {
          return result(action, ActionStatus.UP_TO_DATE).summary(PlanSummary.none()).build();
        }
        if (plan.exitCode() != 2 || plan.timedOut() || plan.cancelled()) {
          return failed(failure(Step.PLAN, plan), false);
        }
        Completion show = run(Step.SHOW, TerraformCommands.show(options.binary(), planFile), true);
        if (show.exitCode() != 0 || show.timedOut() || show.cancelled()) {
          return failed(failure(Step.SHOW, show), false);
        }
        PlanSummary summary;
        try {
          summary = PlanJson.summarise(show.stdout());
        } catch (IllegalArgumentException e) {
          return failed(new Failure(Step.SHOW, masker.mask(e.getMessage()), false), false);
        }
        listener.drifted(action, summary);
        Drift drift = Drift.builder()
            .at(options.clock().instant())
            .instance(instance.id())
            .revision(action.toRevision())
            .changes(summary.total())
            .build();
        return result(action, ActionStatus.DRIFTED).summary(summary).record(drift).build();
      }

      /**
       * A refusal, recording nothing, when the instance carries a comparison digest: a record holding
       * it would never match a plan's digest, and the instance would be deployed again and again.
       */
      private Failure comparisonDigest() {
        return instance.configDigest().startsWith(ContentDigest.COMPARISON_PREFIX)
            ? new Failure(Step.PREPARE, instance.id().render() + " carries a comparison digest ("
                + instance.configDigest() + "), which no ledger record may hold: load the stacks without "
                + "AtmosRepository.Builder.comparisonDigests to run them", false)
            : null;
      }

      /** Writes the files, then init and workspace; a failure, or null. */
      private Failure prepare() {
        if (!Files.isDirectory(folder)) {
          return new Failure(Step.PREPARE, "component folder " + folder + " does not exist", false);
        }
        try {
          AtmosFiles.write(folder, instance);
        } catch (IOException | RuntimeException e) {
          return new Failure(Step.PREPARE, masker.mask("cannot write the var and backend files in " + folder + ": " + e.getMessage()), false);
        }
        Completion init = run(Step.INIT, TerraformCommands.init(options.binary()), false);
        if (init.exitCode() != 0 || init.timedOut() || init.cancelled()) {
          return failure(Step.INIT, init);
        }
        Completion workspace = run(Step.WORKSPACE,
            TerraformCommands.workspace(options.binary(), instance.terraformWorkspace()), false);
        if (workspace.exitCode() != 0 || workspace.timedOut() || workspace.cancelled()) {
          return failure(Step.WORKSPACE, workspace);
        }
        return null;
      }

      private Completion run(Step step, List<String> args, boolean captureStdout) {
        LOG.debug("[{} {}] {} in {}", instance.id().render(), step.word(), args, folder);
        return executor.execute(new CommandLine(args, folder, environment), options.stepTimeout(), captureStdout,
            (stderr, line) -> output.line(instance.id(), step, stderr, masker.mask(line)), cancellation);
      }

      private Failure failure(Step step, Completion completion) {
        String command = options.binary() + " " + step.word();
        if (completion.timedOut()) {
          return new Failure(step, command + " timed out after " + options.stepTimeout() + "; its process tree was ended", false);
        }
        if (completion.cancelled()) {
          return new Failure(step, command + " was cancelled; its process tree was ended", true);
        }
        String detail = completion.stderrTail().isBlank() ? "" : ": " + masker.mask(completion.stderrTail().strip());
        return new Failure(step, command + " exited with " + completion.exitCode() + detail, false);
      }

      private ActionResult failed(Failure failure, boolean recordDeployment) {
        listener.failed(action, failure.step(), failure.reason());
        if (failure.cancelled()) {
          return result(action, ActionStatus.CANCELLED).failedStep(failure.step()).message(failure.reason()).build();
        }
        ActionResult.Builder result = result(action, ActionStatus.FAILED).failedStep(failure.step()).message(failure.reason());
        if (recordDeployment && !options.planOnly()) {
          result.record(deployment(Outcome.FAILURE));
        }
        return result.build();
      }

      private boolean stillNext(RolloutPlan fresh) {
        return fresh.next().stream().anyMatch(a -> a.environment().equals(action.environment())
            && a.instance().equals(action.instance())
            && a.kind() == action.kind()
            && a.toRevision().equals(action.toRevision()));
      }

      private Deployment deployment(Outcome outcome) {
        return Deployment.builder()
            .at(options.clock().instant())
            .instance(instance.id())
            .folder(instance.folder())
            .revision(action.toRevision())
            .sourceDigest(instance.sourceDigest())
            .configDigest(instance.configDigest())
            .outcome(outcome)
            .actor(options.actor())
            .destroy(action.kind() == ActionKind.DESTROY)
            .build();
      }
    }
  }

  private record Failure(Step step, String reason, boolean cancelled) {}

  private static ActionResult.Builder result(Action action, ActionStatus status) {
    return ActionResult.builder().action(action).status(status);
  }

  private static final class WorkerThreads implements java.util.concurrent.ThreadFactory {
    private final String environment;
    private final AtomicInteger count = new AtomicInteger();

    WorkerThreads(String environment) {
      this.environment = environment;
    }

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "converge-run-" + environment + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /** Shields the run from a listener that throws. */
  private static final class SafeListener implements RunListener {
    private final RunListener delegate;

    SafeListener(RunListener delegate) {
      this.delegate = delegate;
    }

    private void call(Runnable call) {
      try {
        call.run();
      } catch (RuntimeException e) {
        LOG.warn("run listener failed: {}", e.toString());
      }
    }

    @Override
    public void started(Action action) {
      call(() -> delegate.started(action));
    }

    @Override
    public void planned(Action action, PlanSummary summary) {
      call(() -> delegate.planned(action, summary));
    }

    @Override
    public void applied(Action action, PlanSummary summary) {
      call(() -> delegate.applied(action, summary));
    }

    @Override
    public void failed(Action action, Step step, String reason) {
      call(() -> delegate.failed(action, step, reason));
    }

    @Override
    public void refused(Action action, String reason) {
      call(() -> delegate.refused(action, reason));
    }

    @Override
    public void drifted(Action action, PlanSummary summary) {
      call(() -> delegate.drifted(action, summary));
    }
  }
}
