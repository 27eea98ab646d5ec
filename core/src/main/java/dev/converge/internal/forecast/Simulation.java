package dev.converge.internal.forecast;

import dev.converge.RolloutPlanner;
import dev.converge.forecast.DurationEstimate;
import dev.converge.forecast.Forecast;
import dev.converge.forecast.WaitKind;
import dev.converge.ledger.Approval;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.DeploymentWindow;
import dev.converge.pipeline.Durations;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.Action;
import dev.converge.plan.ActionKind;
import dev.converge.plan.EnvironmentPlan;
import dev.converge.plan.Gate;
import dev.converge.plan.GateState;
import dev.converge.plan.RolloutPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The forecast as a simulation by repeated planning.
 *
 * <p>Why simulate rather than compute: the gates (soaks, windows, freezes, approvals, checks,
 * {@code max_parallel}, stack waves, the pipeline DAG) interact, and the planner is the one place
 * that knows how. A second model of the rules would drift from the first; asking the real planner
 * at each step cannot. So the forecast plays CI and the people on a copy of the ledger and reports
 * what the planner says at each step.
 *
 * <p>How: a discrete-event loop over instants, from the forecast's instant on. At each instant
 * <ol>
 *   <li><b>land</b>: actions whose assumed duration ends now are recorded as successful deployments;
 *   <li><b>settle</b>: plan; an environment that is done gets its missing (or failed) checks passed
 *       now; an environment short of approvals is probed by planning once more with them granted,
 *       and if that opens its gate the approvals are recorded now (the earliest moment they matter)
 *       and marked as waiting on a person; repeat until nothing more is recorded;
 *   <li><b>observe</b>: each environment with work and nothing running logs why its gate is closed
 *       (its probe's gate when short of approvals, so that a soak or a window is not blamed on a
 *       person);
 *   <li><b>start</b>: every action of {@code next} not already running starts now and runs for its
 *       environment's {@link DurationEstimate} (the planner keeps {@code next} to the first wave and
 *       {@code max_parallel}; running actions are not yet in the ledger, so they reappear in
 *       {@code next} and are skipped);
 *   <li><b>advance</b> to the earliest of: a running action's end, a closed gate's {@code opens_at},
 *       the end of its soak or of the freeze it is in (or its probe's). The last two open nothing
 *       when a window or another freeze follows, but they change why the gate waits, so each wait
 *       gets its own stretch. With none left and the plan not converged, the forecast is stuck
 *       (held, blocked, a cycle, a freeze without end) and says why.
 * </ol>
 * Every step records something or moves time forward, and durations are positive, so the loop
 * ends; a bound on planner calls ({@code maxPlans}) makes that certain and is reported when hit.
 * The events assumed are kept in order, so that replaying them up to any instant reproduces the
 * ledger the planner saw then.
 */
public final class Simulation {

  private final Pipeline pipeline;
  private final DesiredState desired;
  private final String revision;
  private final List<LedgerRecord> records;
  private final List<LedgerRecord> assumed = new ArrayList<>();
  private final Map<String, EnvironmentTimeline> timelines = new LinkedHashMap<>();
  private final List<Flight> flights = new ArrayList<>();
  private final Map<String, CheckResult> newestChecks = new HashMap<>();
  private final Map<String, Set<String>> approvers = new HashMap<>();
  /** Per environment short of approvals, its gate with them granted (this instant's probe). */
  private final Map<String, Gate> probes = new HashMap<>();
  private final Set<String> assumedKinds = new LinkedHashSet<>();
  private final OptionalInt maxPlans;
  private int bound;
  private int plans;
  private Instant now;

  private Simulation(Pipeline pipeline, Ledger ledger, Instant now, DesiredState desired, Duration defaultDuration,
      OptionalInt maxPlans) {
    this.pipeline = pipeline;
    this.desired = desired;
    this.revision = desired.revision().id();
    this.records = new ArrayList<>(ledger.records());
    this.now = now;
    this.maxPlans = maxPlans;
    for (Environment e : pipeline.order()) {
      timelines.put(e.name(), new EnvironmentTimeline(e.name(),
          DurationEstimate.from(ledger, pipeline, e.name(), defaultDuration)));
    }
    for (LedgerRecord r : ledger.records()) {
      if (r instanceof CheckResult c && c.revision().equals(revision)) {
        newestChecks.merge(c.environment() + '\u0000' + c.check(), c, (a, b) -> b.at().isBefore(a.at()) ? a : b);
      } else if (r instanceof Approval a && a.revision().equals(revision)) {
        approvers.computeIfAbsent(a.environment(), k -> new HashSet<>()).add(a.approver());
      }
    }
  }

  public static Forecast run(Pipeline pipeline, Ledger ledger, Instant now, DesiredState desired,
      Duration defaultDuration, OptionalInt maxPlans) {
    return new Simulation(pipeline, ledger, now, desired, defaultDuration, maxPlans).run();
  }

  /** The bound on planner calls when none is given: 20 per change and per environment, at least 200. */
  public static int defaultBound(RolloutPlan first) {
    int changes = first.environments().stream().mapToInt(e -> e.changes().size()).sum();
    return Math.max(200, 20 * (changes + first.environments().size()));
  }

  private Forecast run() {
    Instant at = now;
    RolloutPlan last = plan();
    bound = maxPlans.orElse(defaultBound(last));
    for (EnvironmentPlan environment : last.environments()) {
      environment.changes().forEach(a -> timelines.get(environment.name()).plannedWave(a.instance(), a.wave().orElse(1)));
    }
    Instant convergedAt = null;
    List<String> unresolved = new ArrayList<>();
    while (true) {
      land();
      RolloutPlan plan = settle();
      if (plan == null) {
        unresolved.addAll(stopped(last));
        break;
      }
      if (plan.isConverged()) {
        convergedAt = now;
        break;
      }
      observe(plan);
      start(plan);
      Optional<Instant> next = nextEvent(plan);
      if (next.isEmpty()) {
        unresolved.addAll(stuck(plan));
        break;
      }
      now = next.get();
      last = plan;
    }
    return result(at, Optional.ofNullable(convergedAt), unresolved);
  }

  private Forecast result(Instant at, Optional<Instant> convergedAt, List<String> unresolved) {
    Set<String> approvalDependent = new HashSet<>();
    timelines.values().stream().filter(EnvironmentTimeline::approvalAssumed).forEach(t -> {
      approvalDependent.add(t.name());
      approvalDependent.addAll(pipeline.downstreamOf(t.name()));
    });
    Forecast.Builder forecast = Forecast.builder()
        .revision(revision)
        .at(at)
        .convergedAt(convergedAt)
        .addAllAssumptions(assumptions())
        .addAllUnresolved(unresolved)
        .addAllAssumedEvents(assumed)
        .plans(plans);
    timelines.values().forEach(t -> forecast.addEnvironment(t.forecast(approvalDependent.contains(t.name()))));
    return forecast.build();
  }

  // ---------------------------------------------------------------- the steps

  /** Records the actions whose assumed duration ends now, in the order they started. */
  private void land() {
    List<Flight> landed = flights.stream().filter(f -> !f.finish.isAfter(now)).toList();
    for (Flight flight : landed) {
      Action action = flight.action;
      Deployment.Builder deployment = Deployment.builder()
          .at(flight.finish)
          .instance(action.instance())
          .folder(action.folder())
          .revision(action.toRevision())
          .outcome(Outcome.SUCCESS)
          .actor("forecast");
      if (action.kind() == ActionKind.DESTROY) {
        deployment.sourceDigest("destroyed").configDigest("destroyed").destroy(true);
      } else {
        Instance instance = desired.instance(action.instance()).orElseThrow();
        deployment.sourceDigest(instance.sourceDigest()).configDigest(instance.configDigest());
      }
      assume(deployment.build(), "deployment");
    }
    flights.removeAll(landed);
  }

  /** Plans, passing checks and granting approvals that are due now, until nothing more is due; null at the bound. */
  private RolloutPlan settle() {
    while (plans < bound) {
      RolloutPlan plan = plan();
      probes.clear();
      if (!passChecks(plan) && !approve(plan)) {
        return plan;
      }
    }
    return null;
  }

  private boolean passChecks(RolloutPlan plan) {
    boolean recorded = false;
    for (EnvironmentPlan environmentPlan : plan.environments()) {
      if (environmentPlan.gate().state() != GateState.DONE) {
        continue;
      }
      for (String check : environment(environmentPlan.name()).checks()) {
        CheckResult newest = newestChecks.get(environmentPlan.name() + '\u0000' + check);
        if (newest == null || !newest.isSuccess()) {
          CheckResult passed = CheckResult.builder().at(now).environment(environmentPlan.name()).revision(revision)
              .check(check).outcome(Outcome.SUCCESS).build();
          newestChecks.put(environmentPlan.name() + '\u0000' + check, passed);
          assume(passed, newest == null ? "check" : "rerun check");
          recorded = true;
        }
      }
    }
    return recorded;
  }

  /** Grants the approvals of an environment when they are all that keeps its gate closed now. */
  private boolean approve(RolloutPlan plan) {
    for (EnvironmentPlan environmentPlan : plan.environments()) {
      List<Approval> missing = missingApprovals(environmentPlan);
      GateState state = environmentPlan.gate().state();
      if (missing.isEmpty() || state == GateState.BLOCKED || state == GateState.HELD
          || state == GateState.WAITING_UPSTREAM) {
        continue; // approvals alone cannot open it: a probe would show the same gate
      }
      if (plans >= bound) {
        return false;
      }
      List<LedgerRecord> probe = new ArrayList<>(records);
      probe.addAll(missing);
      plans++;
      Gate gate = RolloutPlanner.of(pipeline).withLedger(Ledger.of(probe)).at(now).plan(desired)
          .environment(environmentPlan.name()).orElseThrow().gate();
      if (gate.isOpen()) {
        missing.forEach(a -> {
          approvers.computeIfAbsent(a.environment(), k -> new HashSet<>()).add(a.approver());
          assume(a, "approval");
        });
        timelines.get(environmentPlan.name()).approvalNeeded(now, "needs " + missing.size()
            + (missing.size() == 1 ? " more approval" : " more approvals") + " at " + Revision.abbreviate(revision)
            + ": waits on a person; assumed given at once");
        return true;
      }
      probes.put(environmentPlan.name(), gate);
    }
    return false;
  }

  private List<Approval> missingApprovals(EnvironmentPlan environmentPlan) {
    if (environmentPlan.changes().isEmpty()) {
      return List.of();
    }
    boolean destroys = environmentPlan.changes().stream().anyMatch(a -> a.kind() == ActionKind.DESTROY);
    int required = Math.max(environment(environmentPlan.name()).approvals(), destroys ? 1 : 0);
    Set<String> given = approvers.getOrDefault(environmentPlan.name(), Set.of());
    List<Approval> missing = new ArrayList<>();
    for (int i = 1; given.size() + missing.size() < required; i++) {
      String approver = "assumed-approver-" + i;
      if (!given.contains(approver)) {
        missing.add(Approval.builder().at(now).environment(environmentPlan.name()).revision(revision)
            .approver(approver).build());
      }
    }
    return missing;
  }

  /** Logs why each environment with work and nothing running waits now. */
  private void observe(RolloutPlan plan) {
    for (EnvironmentPlan environmentPlan : plan.environments()) {
      String name = environmentPlan.name();
      if (environmentPlan.changes().isEmpty() || flights.stream().anyMatch(f -> f.action.environment().equals(name))) {
        continue;
      }
      Gate gate = probes.getOrDefault(name, environmentPlan.gate());
      EnvironmentTimeline timeline = timelines.get(name);
      Environment environment = environment(name);
      switch (gate.state()) {
        case WAITING_UPSTREAM -> timeline.waiting(WaitKind.UPSTREAM, now,
            "waits for " + String.join(", ", environment.after()) + " to finish " + Revision.abbreviate(revision));
        case SOAKING -> timeline.waiting(WaitKind.SOAK, now, "soak " + Durations.format(environment.soak())
            + " after " + String.join(", ", environment.after()) + " finished");
        case FROZEN -> timeline.waiting(WaitKind.FREEZE, now, "frozen: "
            + environment.freezeAt(now).map(f -> f.reason()).orElse("a freeze"));
        case OUTSIDE_WINDOW -> timeline.waiting(WaitKind.WINDOW, now, "outside the deployment windows ("
            + environment.windows().stream().map(DeploymentWindow::render).collect(Collectors.joining(", ")) + ")");
        default -> timeline.stopWaiting(now);
      }
    }
  }

  private void start(RolloutPlan plan) {
    Set<InstanceId> running = flights.stream().map(f -> f.action.instance()).collect(Collectors.toSet());
    for (Action action : plan.next()) {
      if (running.contains(action.instance())) {
        continue;
      }
      EnvironmentTimeline timeline = timelines.get(action.environment());
      Instant finish = now.plus(timeline.duration().duration());
      flights.add(new Flight(action, finish));
      timeline.started(action.instance(), action.wave().orElse(1), now, finish);
    }
  }

  private Optional<Instant> nextEvent(RolloutPlan plan) {
    List<Instant> candidates = new ArrayList<>();
    flights.forEach(f -> candidates.add(f.finish));
    for (EnvironmentPlan environmentPlan : plan.environments()) {
      if (!environmentPlan.changes().isEmpty()) {
        Gate gate = probes.getOrDefault(environmentPlan.name(), environmentPlan.gate());
        gate.opensAt().ifPresent(candidates::add);
        gate.soakEndsAt().ifPresent(candidates::add);
        environment(environmentPlan.name()).freezeAt(now).ifPresent(f -> candidates.add(f.to()));
      }
    }
    return candidates.stream().filter(t -> t.isAfter(now)).min(Instant::compareTo);
  }

  /** The bound of planner calls was reached: every environment with work left is not forecast to its end. */
  private List<String> stopped(RolloutPlan last) {
    for (EnvironmentPlan environmentPlan : last.environments()) {
      if (!environmentPlan.changes().isEmpty()) {
        timelines.get(environmentPlan.name()).unresolved("not forecast past " + now + ", where the forecast stopped");
      }
    }
    return List.of("stopped after " + plans + " plans, the bound, at " + now + "; the timeline up to there stands");
  }

  /** Why nothing more can happen: each environment with work left, its gate and reasons. */
  private List<String> stuck(RolloutPlan plan) {
    List<String> reasons = new ArrayList<>();
    for (EnvironmentPlan environmentPlan : plan.environments()) {
      if (environmentPlan.changes().isEmpty()) {
        continue;
      }
      Gate gate = probes.getOrDefault(environmentPlan.name(), environmentPlan.gate());
      List<String> why = new ArrayList<>(gate.reasons());
      if (gate.isOpen()) {
        environmentPlan.changes().stream().flatMap(a -> a.reasons().stream())
            .filter(r -> r.startsWith("held") || r.startsWith("waits on")).distinct().forEach(why::add);
      }
      String text = gate.state().word() + (why.isEmpty() ? "" : ": " + String.join("; ", why))
          + (gate.isOpen() ? "; nothing in it may run" : "");
      EnvironmentTimeline timeline = timelines.get(environmentPlan.name());
      timeline.unresolved(text);
      reasons.add(timeline.unresolved().orElseThrow());
    }
    return reasons;
  }

  // ---------------------------------------------------------------- helpers

  private RolloutPlan plan() {
    plans++;
    return RolloutPlanner.of(pipeline).withLedger(Ledger.of(records)).at(now).plan(desired);
  }

  private void assume(LedgerRecord record, String kind) {
    records.add(record);
    assumed.add(record);
    assumedKinds.add(kind);
  }

  private List<String> assumptions() {
    List<String> result = new ArrayList<>();
    result.add("every deployment succeeds and takes its environment's estimated duration (a wave, or a"
        + " max_parallel batch of it, at a time)");
    result.add("CI starts what may run the moment it may");
    if (assumedKinds.contains("check") || assumedKinds.contains("rerun check")) {
      result.add("every check passes as soon as its environment has finished the revision"
          + (assumedKinds.contains("rerun check") ? "; failed checks are rerun and pass" : ""));
    }
    if (assumedKinds.contains("approval")) {
      result.add("approvals are given the moment nothing else keeps the gate closed; they wait on people, so"
          + " what follows one holds only if it is given then");
    }
    result.add("nothing else happens: no hold placed or released, no newer revision, no revision marked bad");
    return result;
  }

  private Environment environment(String name) {
    return pipeline.environment(name).orElseThrow();
  }


  /** An action running in the simulation, until it is assumed to finish. */
  private record Flight(Action action, Instant finish) {}
}
