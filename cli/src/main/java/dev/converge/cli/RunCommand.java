package dev.converge.cli;

import dev.converge.RolloutPlanner;
import dev.converge.plan.Action;
import dev.converge.plan.RolloutPlan;
import dev.converge.runner.PlanSummary;
import dev.converge.runner.RunListener;
import dev.converge.runner.RunReport;
import dev.converge.runner.RunnerOptions;
import dev.converge.runner.Step;
import dev.converge.runner.TerraformRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code converge run}: executes {@code next} with Terraform, recording each result in the ledger. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {"Executes what the plan says may run now, with terraform (or tofu), and records every outcome"
        + " in the ledger. Re-plans before each apply and refuses what is no longer in next."},
    footer = {"", "Examples:", "  converge run --environment dev", "  converge run --plan-only",
        "  converge run --environment prod --drift --terraform tofu"})
final class RunCommand implements Callable<Integer> {

  @Mixin
  CommonOptions options;

  @Option(names = "--environment", paramLabel = "E",
      description = "Only this environment (default: every environment with actions in next).")
  String environment;

  @Option(names = "--terraform", paramLabel = "BINARY", defaultValue = "${env:CONVERGE_TERRAFORM:-terraform}",
      description = "terraform or tofu, by name or path (default: $CONVERGE_TERRAFORM, else terraform).")
  String binary;

  @Option(names = "--components", paramLabel = "DIR",
      description = "The folder of the component folders (default: components.terraform.base_path of atmos.yaml).")
  Path components;

  @Option(names = "--plan-only", description = "Plan and summarise; never apply.")
  boolean planOnly;

  @Option(names = "--drift", description = "Instead of deploying, plan every up-to-date instance and record drift.")
  boolean drift;

  @Option(names = "--max-parallel", paramLabel = "N", description = "Instances at once (default: the environment's max_parallel, else 1).")
  Integer maxParallel;

  @Option(names = "--step-timeout", paramLabel = "DURATION", defaultValue = "30m",
      description = "End a Terraform step still running after this long (default: ${DEFAULT-VALUE}).")
  String stepTimeout;

  @Option(names = "--pass-env", paramLabel = "NAME", split = ",",
      description = "Environment variables passed to Terraform besides PATH, HOME and TF_* basics; AWS_* style prefixes allowed.")
  List<String> passEnvironment = new ArrayList<>();

  @Spec
  CommandSpec spec;

  /** Where atmos.yaml puts Terraform's component folders, on disk. */
  private static Path terraformFolder(Session session) {
    return session.folder().resolve(session.snapshot.componentBasePaths().getOrDefault("terraform",
        "components/terraform")).normalize();
  }

  @Override
  public Integer call() {
    Output.require(options.format, Output.formats(Format.text), "run");
    // what plan reads (deployable instances with their sections and digests): a load that plans
    Session session = Session.open(options, Optional.empty(), Session.Load.PLANNING);
    RolloutPlan plan = session.planner().plan(session.desired());
    Set<String> environments = new LinkedHashSet<>();
    if (environment != null) {
      session.pipeline().environment(environment).orElseThrow(() -> new Converge.UsageException(
          "--environment " + environment + " is not in rollout.yaml; environments: "
              + session.pipeline().environments().stream().map(e -> e.name()).toList()));
      environments.add(environment);
    } else {
      plan.next().forEach(a -> environments.add(a.environment()));
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!drift && environments.isEmpty()) {
      spec.commandLine().getOut().println("Nothing may run now.");
      spec.commandLine().getOut().flush();
      return 0;
    }
    boolean failed = false;
    for (String name : environments) {
      int parallel = maxParallel != null ? maxParallel
          : session.pipeline().environment(name).flatMap(e -> e.maxParallel().isPresent()
              ? Optional.of(e.maxParallel().getAsInt()) : Optional.empty()).orElse(1);
      RunnerOptions.Builder runner = RunnerOptions.builder()
          .binary(binary)
          .componentsBasePath(components != null ? components : terraformFolder(session))
          .maxParallel(parallel)
          .stepTimeout(dev.converge.pipeline.Durations.parse(stepTimeout))
          .planOnly(planOnly)
          .actor(Optional.ofNullable(System.getenv("USER")).orElse("converge"));
      if (!passEnvironment.isEmpty()) {
        Set<String> pass = new LinkedHashSet<>(RunnerOptions.DEFAULT_PASS_ENVIRONMENT);
        pass.addAll(passEnvironment);
        runner.passEnvironment(pass);
      }
      if (options.at != null) {
        runner.clock(Clock.fixed(options.at, ZoneOffset.UTC));
      }
      TerraformRunner terraform = TerraformRunner.of(runner.build());
      Progress progress = new Progress(err, plan.next().stream().filter(a -> a.environment().equals(name)).count());
      // the runner plans from the ledger itself, at its clock, before each step
      RolloutPlanner planner = RolloutPlanner.of(session.pipeline());
      RunReport report = drift
          ? terraform.checkDrift(planner, session.desired(), name, session.ledgerStore(), progress)
          : terraform.runNext(planner, session.desired(), name, session.ledgerStore(), progress);
      spec.commandLine().getOut().println(name + ": " + report.results().size() + " actions, "
          + (report.hasFailures() ? "with failures" : "all succeeded"));
      failed |= report.hasFailures();
    }
    spec.commandLine().getOut().flush();
    return failed ? Converge.FOUND_ERRORS : 0;
  }

  /** One progress line per event, on stderr, numbered against the actions of the run. */
  private static final class Progress implements RunListener {
    private final PrintWriter err;
    private final long total;
    private final AtomicInteger done = new AtomicInteger();

    Progress(PrintWriter err, long total) {
      this.err = err;
      this.total = total;
    }

    private synchronized void line(String text) {
      err.println(text);
      err.flush();
    }

    @Override
    public void started(Action action) {
      line("[" + done.get() + "/" + total + "] " + action.instance().render() + " started (" + action.kind().word() + ")");
    }

    @Override
    public void planned(Action action, PlanSummary summary) {
      line("[" + done.get() + "/" + total + "] " + action.instance().render() + " planned: " + summary.render());
    }

    @Override
    public void applied(Action action, PlanSummary summary) {
      line("[" + done.incrementAndGet() + "/" + total + "] " + action.instance().render() + " applied");
    }

    @Override
    public void failed(Action action, Step step, String reason) {
      line("[" + done.incrementAndGet() + "/" + total + "] " + action.instance().render() + " FAILED at "
          + step.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason);
    }

    @Override
    public void refused(Action action, String reason) {
      line("[" + done.incrementAndGet() + "/" + total + "] " + action.instance().render() + " refused: " + reason);
    }

    @Override
    public void drifted(Action action, PlanSummary summary) {
      line(action.instance().render() + " drifted: " + summary.render());
    }
  }
}
