package dev.converge.internal.plan;

import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.ledger.Approval;
import dev.converge.ledger.BadRevision;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Hold;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.Durations;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.Action;
import dev.converge.plan.ActionCause;
import dev.converge.plan.ActionKind;
import dev.converge.plan.CauseKind;
import dev.converge.plan.ConditionKind;
import dev.converge.plan.EnvironmentPlan;
import dev.converge.plan.Gate;
import dev.converge.plan.GateCondition;
import dev.converge.plan.GateState;
import dev.converge.plan.RolloutPlan;
import dev.converge.plan.StaleRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One planning run: {@code plan(desired, ledger, pipeline, now)}.
 *
 * <p>The run has four passes, each reading only what the one before produced:
 *
 * <ol>
 *   <li><b>Actions.</b> Each instance is compared with its newest successful deployment in the
 *       ledger: digests equal is a no-op, different an update, none a create. An instance in the
 *       ledger but not in the desired state is a destroy. Supersession needs no bookkeeping here:
 *       every action targets the planned revision, so an environment that never started an older
 *       revision goes straight to the newer one. The one guard is the other direction: an
 *       instance whose newest deployment is <em>newer</em> than the planned revision (by the
 *       desired state's history) is skipped, never rolled back by accident.
 *   <li><b>Waves</b> inside each environment ({@link WaveAssignment}).
 *   <li><b>Gates</b> in pipeline order, so each environment sees its upstream's outcome. All
 *       conditions are evaluated, so a closed gate lists every unmet one; the state shown is the
 *       first in {@link GateState}'s precedence. Failure taints only downstream: an environment's
 *       own failed action stays in its next wave (a rerun), while everything after it is blocked
 *       until a rerun or a newer revision succeeds. {@code opens_at} is given only when every
 *       unmet condition is one that time alone resolves (soak, freeze, window), by walking
 *       forward through freezes and windows from the end of the soak.
 *   <li><b>Forecast and next.</b> {@code earliest_at} repeats the gate walk assuming every check
 *       passes and every approval arrives at once, propagating through the pipeline DAG.
 *       {@code next} takes the first unfinished wave of each open environment, at most
 *       {@code max_parallel} of it.
 * </ol>
 */
public final class Planning {

  // the causes that say the same for every instance: one value each, not one per action
  private static final ActionCause NEVER_DEPLOYED = constant(CauseKind.NEVER_DEPLOYED, "never deployed");
  private static final ActionCause SOURCE_CHANGED = constant(CauseKind.SOURCE_CHANGED, "component folder changed");
  private static final ActionCause CONFIGURATION_CHANGED =
      constant(CauseKind.CONFIGURATION_CHANGED, "configuration changed");
  private static final ActionCause DISABLED = constant(CauseKind.DISABLED, "disabled (metadata.enabled: false)");
  private static final ActionCause LOCKED =
      constant(CauseKind.LOCKED, "locked (metadata.locked: true): reported, never changed");
  private static final ActionCause ABSTRACT =
      constant(CauseKind.ABSTRACT, "abstract (metadata.type: abstract): only inherited from");
  private static final ActionCause DEPENDENCY_CYCLE =
      constant(CauseKind.DEPENDENCY_CYCLE, "waits on a settings.depends_on cycle");

  private final Pipeline pipeline;
  private final Instant now;
  private final DesiredState desired;
  private final Revision revision;
  private final Map<String, Integer> historyPosition = new HashMap<>();
  private final Map<String, Optional<String>> environmentOfStack = new HashMap<>();
  private final LedgerIndex ledger;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, EnvironmentRun> runs = new LinkedHashMap<>();

  private Planning(Pipeline pipeline, Ledger ledger, Instant now, DesiredState desired) {
    this.pipeline = pipeline;
    this.now = now;
    this.desired = desired;
    this.revision = desired.revision();
    List<String> history = desired.history();
    for (int i = 0; i < history.size(); i++) {
      historyPosition.putIfAbsent(history.get(i), i);
    }
    this.ledger = new LedgerIndex(ledger, revision.id(), this::environmentOf);
  }

  public static RolloutPlan plan(Pipeline pipeline, Ledger ledger, Instant now, DesiredState desired) {
    return new Planning(pipeline, ledger, now, desired).run();
  }

  private RolloutPlan run() {
    for (Environment environment : pipeline.order()) {
      runs.put(environment.name(), new EnvironmentRun(environment));
    }
    warnIfNotNewest();
    collectActions();
    runs.values().forEach(this::assignWaves);
    runs.values().forEach(this::evaluateGate);
    runs.values().forEach(this::forecast);

    List<EnvironmentPlan> environments = new ArrayList<>();
    List<Action> next = new ArrayList<>();
    for (EnvironmentRun run : runs.values()) {
      List<Draft> sorted = run.sorted();
      List<Action> actions = run.actions(sorted);
      environments.add(EnvironmentPlan.builder()
          .name(run.environment.name())
          .gate(run.gate)
          .earliestAt(run.earliest)
          .addAllActions(actions)
          .build());
      next.addAll(nextOf(run, sorted, actions));
    }
    return RolloutPlan.builder()
        .revision(revision.id())
        .at(now)
        .addAllEnvironments(environments)
        .addAllNext(next)
        .addAllStale(staleRecords())
        .addAllProblems(problems)
        .build();
  }

  // ---------------------------------------------------------------- actions

  private void collectActions() {
    List<Instance> instances = new ArrayList<>(desired.instances());
    instances.sort(Comparator.comparing(Instance::id));
    Set<InstanceId> desiredIds = new HashSet<>(capacity(instances.size()));
    for (Instance instance : instances) {
      desiredIds.add(instance.id());
      environmentOf(instance.stack()).map(runs::get).ifPresent(run -> run.instances.add(instance));
    }
    for (EnvironmentRun run : runs.values()) {
      run.drafts = new LinkedHashMap<>(capacity(run.instances.size()));
      for (Instance instance : run.instances) {
        Draft draft = draft(instance);
        run.instanceDrafts.add(draft);
        run.drafts.put(instance.id(), draft);
      }
    }
    List<Deployment> gone = new ArrayList<>();
    ledger.lastSuccesses().forEach((id, last) -> {
      if (!last.destroy() && !desiredIds.contains(id)) {
        gone.add(last);
      }
    });
    gone.sort(Comparator.comparing(Deployment::instance));
    for (Deployment last : gone) {
      environmentOf(last.instance().stack()).map(runs::get).ifPresent(run -> run.drafts.put(last.instance(),
          new Draft(last.instance(), last.folder(), ActionKind.DESTROY, Optional.of(last.revision()),
              List.of(cause(CauseKind.ABSENT, "absent from the desired state at " + revision.shortId()
                  + "; destroying needs an approval").to(revision.id()).build()))));
    }
  }

  /** A hash table's initial capacity for {@code entries} at the default load factor: no rehashing. */
  private static int capacity(int entries) {
    return (int) (entries / 0.75f) + 1;
  }

  private Draft draft(Instance instance) {
    Optional<Deployment> last = ledger.lastSuccess(instance.id()).filter(d -> !d.destroy());
    Optional<String> from = last.map(Deployment::revision);
    if (!instance.isDeployable()) {
      return new Draft(instance.id(), instance.folder(), ActionKind.SKIP, from, List.of(skipCause(instance)));
    }
    if (last.isEmpty()) {
      return new Draft(instance.id(), instance.folder(), ActionKind.CREATE, from,
          List.of(NEVER_DEPLOYED));
    }
    Deployment deployed = last.get();
    List<ActionCause> reasons = new ArrayList<>();
    if (!deployed.folder().equals(instance.folder())) {
      reasons.add(cause(CauseKind.FOLDER_CHANGED, "folder changed from " + deployed.folder() + " to " + instance.folder())
          .from(deployed.folder()).to(instance.folder()).build());
    } else if (!deployed.sourceDigest().equals(instance.sourceDigest())) {
      reasons.add(SOURCE_CHANGED);
    }
    if (!deployed.configDigest().equals(instance.configDigest())) {
      reasons.add(CONFIGURATION_CHANGED);
    }
    if (reasons.isEmpty()) {
      return new Draft(instance.id(), instance.folder(), ActionKind.NOOP, from, List.of());
    }
    if (isNewer(deployed.revision())) {
      return new Draft(instance.id(), instance.folder(), ActionKind.SKIP, from, List.of(cause(CauseKind.NEWER_DEPLOYED,
          "deployed revision " + Revision.abbreviate(deployed.revision()) + " is newer than " + revision.shortId()
              + "; an older revision is never deployed after a newer one")
          .from(deployed.revision()).to(revision.id()).build()));
    }
    return new Draft(instance.id(), instance.folder(), ActionKind.UPDATE, from, reasons);
  }

  private static ActionCause skipCause(Instance instance) {
    if (!instance.metadata().enabled()) {
      return DISABLED;
    }
    if (instance.metadata().locked()) {
      return LOCKED;
    }
    return ABSTRACT;
  }

  private static ActionCause constant(CauseKind kind, String text) {
    return cause(kind, text).build();
  }

  private static ActionCause.Builder cause(CauseKind kind, String text) {
    return ActionCause.builder().kind(kind).text(text);
  }

  private boolean isNewer(String other) {
    Integer position = historyPosition.get(other);
    Integer planned = historyPosition.get(revision.id());
    return position != null && planned != null && position < planned;
  }

  private void warnIfNotNewest() {
    Integer planned = historyPosition.get(revision.id());
    if (planned != null && planned > 0) {
      problems.add(Problem.builder()
          .rule("older-revision")
          .severity(Severity.WARNING)
          .message("planning " + revision.shortId() + ", but trunk has " + planned + " newer revision(s), newest "
              + Revision.abbreviate(desired.history().get(0)))
          .fix("plan the newest trunk revision; instances already on a newer one are skipped")
          .build());
    }
  }

  private Optional<String> environmentOf(String stack) {
    return environmentOfStack.computeIfAbsent(stack, s -> {
      List<Environment> matches = pipeline.environmentsOf(s);
      if (matches.isEmpty()) {
        problems.add(Problem.builder()
            .rule("stack-environment")
            .severity(Severity.ERROR)
            .stack(s)
            .message("stack " + s + " matches no environment of the pipeline; its instances are not planned")
            .fix("add a glob matching " + s + " to the 'stacks' of one environment in rollout.yaml")
            .build());
        return Optional.empty();
      }
      if (matches.size() > 1) {
        problems.add(Problem.builder()
            .rule("stack-environment")
            .severity(Severity.ERROR)
            .stack(s)
            .message("stack " + s + " matches environments "
                + matches.stream().map(Environment::name).collect(Collectors.joining(", "))
                + "; every stack must match exactly one; planned in " + matches.get(0).name())
            .fix("narrow the 'stacks' globs in rollout.yaml so that only one environment matches " + s)
            .build());
      }
      return Optional.of(matches.get(0).name());
    });
  }

  // ---------------------------------------------------------------- waves

  private void assignWaves(EnvironmentRun run) {
    List<Draft> drafts = run.instanceDrafts; // by position in run.instances
    boolean[] changed = new boolean[drafts.size()];
    for (int i = 0; i < changed.length; i++) {
      ActionKind kind = drafts.get(i).kind;
      changed[i] = kind == ActionKind.CREATE || kind == ActionKind.UPDATE;
    }
    List<InstanceId> destroys = run.drafts.values().stream()
        .filter(d -> d.kind == ActionKind.DESTROY).map(d -> d.id).toList();
    WaveAssignment assignment = WaveAssignment.assign(run.instances, changed, destroys, run.environment.waves());
    for (int i = 0; i < changed.length; i++) {
      int wave = assignment.wave(i);
      if (wave > 0) {
        drafts.get(i).wave = OptionalInt.of(wave);
      }
    }
    assignment.destroyWaves.forEach((id, wave) -> run.drafts.get(id).wave = OptionalInt.of(wave));
    for (List<InstanceId> cycle : assignment.cycles) {
      String members = cycle.stream().map(InstanceId::render).collect(Collectors.joining(", "));
      Instance first = run.instance(cycle.get(0));
      Problem.Builder problem = Problem.builder()
          .rule("dependency-cycle")
          .severity(Severity.ERROR)
          .stack(first.stack())
          .component(first.component())
          .message("settings.depends_on forms a cycle in environment " + run.environment.name() + " among "
              + members + "; none of them is deployed until it is broken")
          .fix("remove one of the depends_on entries between " + members);
      first.location().ifPresent(problem::location);
      problems.add(problem.build());
    }
    for (InstanceId id : assignment.stuck) {
      run.drafts.get(id).addReason(DEPENDENCY_CYCLE);
    }
    for (InstanceId[] conflict : assignment.conflicts) {
      problems.add(Problem.builder()
          .rule("depends-on-wave-order")
          .severity(Severity.WARNING)
          .stack(conflict[0].stack())
          .component(conflict[0].component())
          .message(conflict[0].render() + " depends on " + conflict[1].render()
              + ", which is in a later stack wave of " + run.environment.name() + "; the dependency is not honoured")
          .fix("move " + conflict[1].stack() + " to the same or an earlier wave in rollout.yaml")
          .build());
    }
  }

  // ---------------------------------------------------------------- gates

  private void evaluateGate(EnvironmentRun run) {
    settle(run);
    Optional<BadRevision> bad = ledger.badMark(revision.id());
    if (bad.isPresent()) {
      GateCondition marked = condition(ConditionKind.REVISION_BAD,
          "revision " + revision.shortId() + " is marked bad: " + bad.get().reason())
          .since(bad.get().at()).detail(bad.get().reason()).build();
      run.gate = Gate.builder()
          .state(GateState.BLOCKED)
          .addCondition(marked)
          .addReason(marked.text())
          .addReason("roll forward: merge a fix or a revert to trunk, then plan the new revision")
          .build();
      return;
    }
    if (run.done) {
      run.gate = Gate.builder().state(GateState.DONE).build();
      return;
    }
    Unmet unmet = new Unmet();
    upstreamFailures(run, unmet);
    holds(run, unmet);
    run.environment.freezeAt(now).ifPresent(f -> unmet.add(condition(ConditionKind.FROZEN,
        "frozen until " + f.to() + ": " + f.reason()).clearsAt(f.to()).detail(f.reason())));
    Instant soakEnd = upstreamReady(run, unmet) ? soak(run, unmet) : null;
    approvals(run, unmet);
    if (!run.environment.inWindow(now)) {
      String windows = run.environment.windows().stream().map(w -> w.render()).collect(Collectors.joining(", "));
      unmet.add(condition(ConditionKind.WINDOW_CLOSED, "outside the deployment windows (" + windows + ")")
          .detail(windows).clearsAt(run.environment.windows().stream().map(w -> w.nextOpen(now)).min(Instant::compareTo)));
    }
    run.gate = unmet.gate(run.environment, soakEnd);
  }

  /** What the gates downstream read of an environment: done, failed, tainted, finished, and when. */
  private void settle(EnvironmentRun run) {
    Environment environment = run.environment;
    run.done = run.drafts.values().stream().noneMatch(d -> d.kind.isChange());
    collectFailures(run);
    run.tainted = !run.failures.isEmpty() || environment.after().stream().anyMatch(up -> runs.get(up).tainted);
    run.upstreamFinished = environment.after().stream().allMatch(up -> runs.get(up).finished);
    run.finished = run.done && run.upstreamFinished && run.failures.isEmpty()
        && environment.checks().stream().allMatch(c -> ledger.check(environment.name(), c)
            .filter(CheckResult::isSuccess).isPresent());
    run.finishedAt = finishedAt(run);
  }

  private void upstreamFailures(EnvironmentRun run, Unmet unmet) {
    for (String up : run.environment.after()) {
      EnvironmentRun upstream = runs.get(up);
      if (!upstream.failures.isEmpty()) {
        upstream.failures.forEach(f -> unmet.add(condition(ConditionKind.UPSTREAM_FAILED, "upstream " + up
            + " failed at " + revision.shortId() + ": " + f + "; rerun it or roll forward").environment(up).detail(f)));
      } else if (upstream.tainted) {
        unmet.add(condition(ConditionKind.UPSTREAM_BLOCKED, "upstream " + up + " is blocked by a failure further upstream")
            .environment(up));
      }
    }
  }

  /**
   * A hold on the environment closes the gate. A hold on a component keeps that component's
   * actions out of {@code next}; it closes the gate only when it holds every pending action.
   */
  private void holds(EnvironmentRun run, Unmet unmet) {
    String environment = run.environment.name();
    ledger.activeHold(environment, Optional.empty()).ifPresent(h -> unmet.add(condition(ConditionKind.HELD,
        "held since " + h.at() + ": " + h.reason() + "; record a release to continue").since(h.at()).detail(h.reason())));
    List<Draft> pending = run.pending();
    Map<String, Hold> componentHolds = new TreeMap<>();
    for (Draft draft : pending) {
      Optional<Hold> hold = ledger.activeHold(environment, Optional.of(draft.id.component()));
      if (hold.isPresent()) {
        componentHolds.put(draft.id.component(), hold.get());
        draft.held = true;
        draft.addReason(cause(CauseKind.HELD, "held since " + hold.get().at() + ": " + hold.get().reason())
            .since(hold.get().at()).detail(hold.get().reason()).build());
      }
    }
    if (!pending.isEmpty() && pending.stream().allMatch(d -> d.held)) {
      componentHolds.forEach((component, h) -> unmet.add(condition(ConditionKind.COMPONENT_HELD,
          "component " + component + " held since " + h.at() + ": " + h.reason() + "; record a release to continue")
          .component(component).since(h.at()).detail(h.reason())));
    }
  }

  /** Whether every upstream environment finished the revision and passed its checks; records what is missing. */
  private boolean upstreamReady(EnvironmentRun run, Unmet unmet) {
    boolean ready = true;
    for (String up : run.environment.after()) {
      EnvironmentRun upstream = runs.get(up);
      if (!upstream.done) {
        ready = false;
        long left = upstream.pending().size();
        unmet.add(condition(ConditionKind.UPSTREAM_UNFINISHED, up + " has not finished " + revision.shortId() + " ("
            + left + (left == 1 ? " action" : " actions") + " left)").environment(up).left((int) left));
      } else if (!upstream.upstreamFinished) {
        ready = false;
        unmet.add(condition(ConditionKind.UPSTREAM_WAITING, up + " has nothing to deploy but waits on its own upstream ("
            + String.join(", ", upstream.environment.after()) + ") to finish " + revision.shortId()).environment(up));
      }
      for (String check : upstream.environment.checks()) {
        Optional<CheckResult> result = ledger.check(up, check);
        if (result.isEmpty()) {
          unmet.add(condition(ConditionKind.CHECK_MISSING, "check " + check + " has not passed in " + up + " at "
              + revision.shortId()).environment(up).check(check));
        }
        ready &= result.filter(CheckResult::isSuccess).isPresent();
      }
    }
    return ready;
  }

  /** The end of the soak once the upstream is ready; null when there is no soak to wait. */
  private Instant soak(EnvironmentRun run, Unmet unmet) {
    Instant finished = upstreamFinishedAt(run);
    if (run.environment.soak().isZero() || finished == null) {
      return null;
    }
    Instant soakEnd = finished.plus(run.environment.soak());
    if (now.isBefore(soakEnd)) {
      unmet.add(condition(ConditionKind.SOAKING, "soaking: upstream finished " + revision.shortId() + " at " + finished
          + "; soak is " + Durations.format(run.environment.soak()) + ", until " + soakEnd)
          .since(finished).clearsAt(soakEnd));
    }
    return soakEnd;
  }

  private void approvals(EnvironmentRun run, Unmet unmet) {
    int required = requiredApprovals(run);
    int approvals = ledger.approvers(run.environment.name()).size();
    if (approvals < required) {
      String why = run.environment.approvals() >= required ? "" : " (destroying instances needs an approval)";
      unmet.add(condition(ConditionKind.APPROVAL_MISSING, "needs " + required
          + (required == 1 ? " approval" : " approvals") + " at " + revision.shortId() + ", has " + approvals + why)
          .required(required).has(approvals));
    }
  }

  /**
   * The unmet conditions of a gate, by state in precedence order. The gate shows the first state
   * and every reason; it names {@code opens_at} only when time alone resolves every condition,
   * walking from the end of the soak (or now) through freezes and windows.
   */
  private final class Unmet {
    private final Map<GateState, List<GateCondition>> conditions = new TreeMap<>();

    void add(GateCondition.Builder condition) {
      GateCondition built = condition.build();
      conditions.computeIfAbsent(built.kind().state(), k -> new ArrayList<>()).add(built);
    }

    Gate gate(Environment environment, Instant soakEnd) {
      if (conditions.isEmpty()) {
        return Gate.builder().state(GateState.OPEN).build();
      }
      Gate.Builder gate = Gate.builder().state(conditions.keySet().iterator().next());
      conditions.values().forEach(list -> list.forEach(c -> gate.addCondition(c).addReason(c.text())));
      if (conditions.containsKey(GateState.SOAKING) && soakEnd != null) {
        gate.soakEndsAt(soakEnd);
      }
      if (conditions.keySet().stream().allMatch(GateState::isTimed)) {
        Instant from = soakEnd != null && soakEnd.isAfter(now) ? soakEnd : now;
        environment.deployableFrom(from).ifPresent(gate::opensAt);
      }
      return gate.build();
    }
  }

  private static GateCondition.Builder condition(ConditionKind kind, String text) {
    return GateCondition.builder().kind(kind).text(text);
  }

  private int requiredApprovals(EnvironmentRun run) {
    boolean destroys = run.drafts.values().stream().anyMatch(d -> d.kind == ActionKind.DESTROY);
    return Math.max(run.environment.approvals(), destroys ? 1 : 0);
  }

  /** What failed here at the planned revision and is not yet fixed: failed deployments still pending, failed checks. */
  private void collectFailures(EnvironmentRun run) {
    for (Draft draft : run.pending()) {
      ledger.lastAtRevision(draft.id).filter(d -> !d.isSuccess()).ifPresent(d ->
          run.failures.add("deployment of " + draft.id.render() + " failed at " + d.at()));
    }
    for (String check : run.environment.checks()) {
      ledger.check(run.environment.name(), check).filter(c -> !c.isSuccess()).ifPresent(c ->
          run.failures.add("check " + check + " failed at " + c.at()));
    }
  }

  /**
   * When an environment finished the planned revision: its last successful deployment of it, or
   * its last passing check of it, whichever is later, and never before the revision landed or its
   * upstream finished it. Null when nothing dates it (no deployment or check at this revision and
   * no commit time).
   */
  private Instant finishedAt(EnvironmentRun run) {
    Instant finished = revision.committedAt().orElse(null);
    for (String up : run.environment.after()) {
      finished = latest(finished, runs.get(up).finishedAt);
    }
    for (InstanceId id : run.drafts.keySet()) {
      Optional<Deployment> d = ledger.lastAtRevision(id).filter(Deployment::isSuccess);
      if (d.isPresent()) {
        finished = latest(finished, d.get().at());
      }
    }
    for (String check : run.environment.checks()) {
      Optional<CheckResult> c = ledger.check(run.environment.name(), check).filter(CheckResult::isSuccess);
      if (c.isPresent()) {
        finished = latest(finished, c.get().at());
      }
    }
    return finished;
  }

  private Instant upstreamFinishedAt(EnvironmentRun run) {
    Instant finished = null;
    for (String up : run.environment.after()) {
      finished = latest(finished, runs.get(up).finishedAt);
    }
    return finished;
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  // ---------------------------------------------------------------- forecast and next

  private void forecast(EnvironmentRun run) {
    GateState state = run.gate.state();
    if (state == GateState.DONE || state == GateState.BLOCKED || state == GateState.HELD) {
      run.earliest = Optional.empty();
      return;
    }
    Instant from = now;
    for (String up : run.environment.after()) {
      Optional<Instant> ready = readyAt(runs.get(up));
      if (ready.isEmpty()) {
        run.earliest = Optional.empty();
        return;
      }
      Instant soaked = ready.get().plus(run.environment.soak());
      from = soaked.isAfter(from) ? soaked : from;
    }
    run.earliest = run.environment.deployableFrom(from);
  }

  /**
   * When an environment is forecast to finish the planned revision, deployments taking no time and
   * checks passing at once: now or when it actually finished, if it has; when its upstream is
   * forecast to finish, if it has nothing to deploy; else its own earliest deployment.
   */
  private Optional<Instant> readyAt(EnvironmentRun run) {
    if (run.finished) {
      return Optional.of(run.finishedAt == null ? now : run.finishedAt);
    }
    if (run.done) {
      Instant ready = now;
      for (String up : run.environment.after()) {
        Optional<Instant> upstream = readyAt(runs.get(up));
        if (upstream.isEmpty()) {
          return Optional.empty();
        }
        ready = upstream.get().isAfter(ready) ? upstream.get() : ready;
      }
      return Optional.of(ready);
    }
    return run.earliest;
  }

  /** The first wave's actions of an open environment; {@code actions} were made of {@code sorted}, one by one. */
  private List<Action> nextOf(EnvironmentRun run, List<Draft> sorted, List<Action> actions) {
    if (!run.gate.isOpen()) {
      return List.of();
    }
    int first = Integer.MAX_VALUE;
    for (Draft draft : run.pending()) {
      if (draft.wave.isPresent()) {
        first = Math.min(first, draft.wave.getAsInt());
      }
    }
    int limit = run.environment.maxParallel().orElse(Integer.MAX_VALUE);
    List<Action> next = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      Draft draft = sorted.get(i);
      if (next.size() < limit && draft.kind.isChange() && !draft.held
          && draft.wave.isPresent() && draft.wave.getAsInt() == first) {
        next.add(action);
      }
    }
    return next;
  }

  // ---------------------------------------------------------------- stale approvals and checks

  /**
   * Approvals and checks given for an older revision that a newer one overtook before they were
   * used: an approval whose environment has not deployed since it was given, a check whose
   * downstream environments have not all deployed since it passed.
   */
  private List<StaleRecord> staleRecords() {
    Map<String, StaleRecord> stale = new HashMap<>();
    for (Approval approval : ledger.otherApprovals()) {
      if (runs.containsKey(approval.environment()) && isOlder(approval.revision())
          && !deployedSince(approval.environment(), approval.at())) {
        put(stale, "approval", approval, approval.environment(), approval.revision(), approval.approver());
      }
    }
    for (CheckResult check : ledger.otherChecks()) {
      if (!check.isSuccess() || !runs.containsKey(check.environment()) || !isOlder(check.revision())) {
        continue;
      }
      List<String> downstream = runs.values().stream()
          .filter(r -> r.environment.after().contains(check.environment()))
          .map(r -> r.environment.name())
          .toList();
      if (!downstream.isEmpty() && downstream.stream().anyMatch(d -> !deployedSince(d, check.at()))) {
        put(stale, "check", check, check.environment(), check.revision(), check.check());
      }
    }
    List<String> order = new ArrayList<>(runs.keySet());
    List<StaleRecord> result = new ArrayList<>(stale.values());
    result.sort(Comparator.comparingInt((StaleRecord r) -> order.indexOf(r.environment()))
        .thenComparing(StaleRecord::type)
        .thenComparing(StaleRecord::revision)
        .thenComparing(StaleRecord::subject));
    return result;
  }

  /** Keeps the newest record per environment, type, revision and subject. */
  private void put(Map<String, StaleRecord> stale, String type, LedgerRecord record,
      String environment, String revisionId, String subject) {
    String key = type + '\u0000' + environment + '\u0000' + revisionId + '\u0000' + subject;
    StaleRecord existing = stale.get(key);
    if (existing != null && existing.at().isAfter(record.at())) {
      return;
    }
    stale.put(key, StaleRecord.builder()
        .type(type)
        .environment(environment)
        .revision(revisionId)
        .supersededBy(revision.id())
        .subject(subject)
        .at(record.at())
        .build());
  }

  private boolean isOlder(String other) {
    if (other.equals(revision.id())) {
      return false;
    }
    Integer position = historyPosition.get(other);
    Integer planned = historyPosition.get(revision.id());
    return position == null || planned == null || position > planned;
  }

  private boolean deployedSince(String environment, Instant at) {
    return ledger.lastSuccessIn(environment).filter(t -> !t.isBefore(at)).isPresent();
  }


  private static List<String> texts(List<ActionCause> causes) {
    if (causes.isEmpty()) {
      return List.of();
    }
    List<String> texts = new ArrayList<>(causes.size());
    for (ActionCause cause : causes) {
      texts.add(cause.text());
    }
    return texts;
  }

  // ---------------------------------------------------------------- working state

  /** An action in the making: its wave, hold and reasons are settled by later passes. */
  private static final class Draft {
    final InstanceId id;
    final String folder;
    final ActionKind kind;
    final Optional<String> from;
    /** As given until a later pass adds one: most drafts keep theirs (none, for a no-op). */
    List<ActionCause> reasons;
    OptionalInt wave = OptionalInt.empty();
    boolean held;

    Draft(InstanceId id, String folder, ActionKind kind, Optional<String> from, List<ActionCause> reasons) {
      this.id = id;
      this.folder = folder;
      this.kind = kind;
      this.from = from;
      this.reasons = reasons;
    }

    void addReason(ActionCause reason) {
      if (!(reasons instanceof ArrayList)) {
        reasons = new ArrayList<>(reasons);
      }
      reasons.add(reason);
    }
  }

  private static final Comparator<Draft> BY_WAVE_THEN_ID = (a, b) -> {
    int byWave = Integer.compare(a.wave.orElse(Integer.MAX_VALUE), b.wave.orElse(Integer.MAX_VALUE));
    return byWave != 0 ? byWave : a.id.compareTo(b.id);
  };

  private final class EnvironmentRun {
    final Environment environment;
    final List<Instance> instances = new ArrayList<>();
    /** Instances' drafts in their order, then destroys'; made by collectActions, sized for the instances. */
    Map<InstanceId, Draft> drafts = Map.of();
    /** The drafts of {@link #instances}, position by position. */
    final List<Draft> instanceDrafts = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    boolean done;
    /** Done, every upstream finished, its own checks passed: downstream may proceed. */
    boolean finished;
    boolean upstreamFinished;
    boolean tainted;
    Instant finishedAt;
    Gate gate;
    Optional<Instant> earliest = Optional.empty();

    EnvironmentRun(Environment environment) {
      this.environment = environment;
    }

    List<Draft> pending() {
      return drafts.values().stream().filter(d -> d.kind.isChange()).toList();
    }

    Instance instance(InstanceId id) {
      return instances.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    /** The drafts by wave (changes first), then instance: the order of the environment's actions. */
    List<Draft> sorted() {
      List<Draft> sorted = new ArrayList<>(drafts.values());
      sorted.sort(BY_WAVE_THEN_ID);
      return sorted;
    }

    /** An action for each of {@code sorted}, in its order. */
    List<Action> actions(List<Draft> sorted) {
      List<Action> result = new ArrayList<>(sorted.size());
      for (Draft d : sorted) {
        result.add(Action.builder()
            .environment(environment.name())
            .instance(d.id)
            .folder(d.folder)
            .kind(d.kind)
            .wave(d.wave)
            .fromRevision(d.from)
            .toRevision(revision.id())
            .addAllReasons(texts(d.reasons))
            .addAllCauses(d.reasons)
            .build());
      }
      return result;
    }
  }
}
