package dev.converge.internal.convergence;

import dev.converge.convergence.Cell;
import dev.converge.convergence.CellState;
import dev.converge.convergence.ComponentStatus;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.convergence.DivergenceClass;
import dev.converge.convergence.EnvironmentStatus;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.internal.version.Versions;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Drift;
import dev.converge.ledger.Ledger;
import dev.converge.model.ComponentFolder;
import dev.converge.model.ComponentType;
import dev.converge.model.DesiredState;
import dev.converge.model.DivergenceDeclaration;
import dev.converge.model.FolderClassifier;
import dev.converge.model.FolderInventory;
import dev.converge.model.FolderKind;
import dev.converge.model.Instance;
import dev.converge.model.Revision;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.EnvironmentPlan;
import dev.converge.plan.Gate;
import dev.converge.plan.GateState;
import dev.converge.plan.RolloutPlan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One convergence report: {@code status(desired, ledger, pipeline, now)}.
 *
 * <p>Why: a platform team asks two questions of every component: do the environments run the same
 * folder (folder divergence: planned, undeclared, experiment, emergency), and does each run the
 * newest digest of its folder (time divergence: operational, drift, blocked). A component gets one
 * class, so the answer must combine both; the combination is the first finding in
 * {@link DivergenceClass}'s order, which puts what needs a person now (a stuck rollout, drift, an
 * emergency override) before what is merely visible (an experiment, a planned divergence) and
 * before a rollout that is on its way. Every finding stays in the reasons, so nothing is hidden
 * by the choice.
 *
 * <p>How:
 *
 * <ol>
 *   <li><b>Cells.</b> Each enabled, non-abstract instance is compared with its newest successful
 *       deployment: same folder and digests is current, otherwise behind; no deployment is never
 *       deployed; not current with a newest deployment record that failed is failed. Abstract instances are not
 *       deployed and are left out; disabled ones show as disabled and count for nothing else.
 *   <li><b>Folder divergence.</b> When enabled cells reference more than one folder, a reference
 *       folder is chosen: the trunk folder if a cell uses it, else the folder of the production
 *       environments, else that of the last environment in pipeline order. Every cell on another
 *       folder must be covered: by a declaration on the instance, by a central declaration for the
 *       component naming its environment (or every environment), by a release track the pipeline
 *       lists, or by being an experiment or emergency folder (reported as such). Uncovered cells
 *       make the component undeclared; otherwise it is planned, and overdue when a covering
 *       declaration's {@code converge_by} is before the UTC date of {@code now}.
 *   <li><b>Time divergence.</b> A cell that is not current is behind since the planned revision
 *       landed (its committer time); when it is behind on source and the ledger shows its desired
 *       folder contents deployed elsewhere earlier, since that earlier deployment, because the
 *       change has been waiting at least that long. Beyond the pipeline's rollout window it is
 *       drift; inside it operational, waiting on the gate the planner computes for the first
 *       environment (pipeline order) with a cell behind. A failed cell, or a blocked gate over a
 *       behind cell, makes the component blocked. A deployment from a revision not on trunk
 *       (when the history is known) and a drift record newer than the deployment of a current
 *       cell are drift too.
 *   <li><b>Parity.</b> The shared base of a component is the set of vars that every enabled
 *       instance sets to the same value; what an instance sets beyond it is its override.
 * </ol>
 *
 * <p>Nothing here reads a clock: {@code now} and the commit time of the revision are the only
 * instants; landing times of older revisions are unknown, which is why the ledger bounds
 * "behind since" from below.
 */
public final class Classification {

  private final Pipeline pipeline;
  private final Instant now;
  private final DesiredState desired;
  private final FolderClassifier classifier;
  private final FolderInventory folders;
  private final LedgerView ledger;
  private final RolloutPlan plan;
  private final Set<String> history;
  private final Map<String, Integer> environmentOrder = new HashMap<>();
  private final Map<String, Optional<String>> environmentOfStack = new HashMap<>();
  private final Map<String, ComponentFolder> classified = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();

  private Classification(Pipeline pipeline, Ledger ledger, Instant now, DesiredState desired,
      FolderClassifier classifier, FolderInventory folders, RolloutPlan plan) {
    this.pipeline = pipeline;
    this.now = now;
    this.desired = desired;
    this.classifier = classifier;
    this.folders = folders;
    this.ledger = new LedgerView(ledger);
    this.plan = plan;
    this.history = new HashSet<>(desired.history());
    List<Environment> order = pipeline.order();
    for (int i = 0; i < order.size(); i++) {
      environmentOrder.put(order.get(i).name(), i);
    }
  }

  public static ConvergenceReport report(Pipeline pipeline, Ledger ledger, Instant now, DesiredState desired,
      FolderClassifier classifier, FolderInventory folders, RolloutPlan plan) {
    return new Classification(pipeline, ledger, now, desired, classifier, folders, plan).run();
  }

  private ConvergenceReport run() {
    Map<String, List<Instance>> byComponent = new TreeMap<>();
    Set<String> unplaced = new TreeSet<>();
    for (Instance instance : desired.instances()) {
      if (instance.metadata().type() == ComponentType.ABSTRACT) {
        continue;
      }
      if (environmentOf(instance.stack()).isEmpty()) {
        unplaced.add(instance.stack());
        continue;
      }
      byComponent.computeIfAbsent(instance.component(), k -> new ArrayList<>()).add(instance);
    }
    for (String stack : unplaced) {
      problems.add(Problem.builder()
          .rule("stack-environment")
          .severity(Severity.ERROR)
          .stack(stack)
          .message("stack " + stack + " matches no environment of the pipeline; its instances are left out of the report")
          .fix("add a glob matching " + stack + " to the 'stacks' of one environment in rollout.yaml")
          .build());
    }
    List<ComponentStatus> components = new ArrayList<>();
    byComponent.forEach((name, instances) -> components.add(component(name, instances)));
    return ConvergenceReport.builder()
        .revision(desired.revision().id())
        .at(now)
        .addAllEnvironments(environments(components))
        .addAllComponents(components)
        .addAllProblems(problems)
        .build();
  }

  private Optional<String> environmentOf(String stack) {
    return environmentOfStack.computeIfAbsent(stack, s -> {
      List<Environment> matches = pipeline.environmentsOf(s);
      return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0).name());
    });
  }

  /** Folder classification runs regular expressions: once per folder, not once per instance. */
  private ComponentFolder classify(String folder) {
    return classified.computeIfAbsent(folder, classifier::classify);
  }

  // ---------------------------------------------------------------- cells

  private Cell cell(Instance instance) {
    String environment = environmentOf(instance.stack()).orElseThrow();
    Optional<Deployment> deployed = ledger.deployed(instance.id());
    Optional<Deployment> attempt = ledger.lastAttempt(instance.id());
    CellState state;
    if (!instance.metadata().enabled()) {
      state = CellState.DISABLED;
    } else if (deployed.isPresent() && isCurrent(instance, deployed.get())) {
      state = CellState.CURRENT;
    } else if (attempt.isPresent() && !attempt.get().isSuccess()) {
      state = CellState.FAILED;
    } else if (deployed.isEmpty()) {
      state = CellState.NEVER_DEPLOYED;
    } else {
      state = CellState.BEHIND;
    }
    return Cell.builder()
        .environment(environment)
        .instance(instance.id())
        .folder(instance.folder())
        .folderKind(classify(instance.folder()).kind())
        .desiredRevision(desired.revision().id())
        .deployedRevision(deployed.map(Deployment::revision))
        .deployedAt(deployed.map(Deployment::at))
        .state(state)
        .build();
  }

  private static boolean isCurrent(Instance instance, Deployment deployed) {
    return deployed.folder().equals(instance.folder())
        && deployed.sourceDigest().equals(instance.sourceDigest())
        && deployed.configDigest().equals(instance.configDigest());
  }

  // ---------------------------------------------------------------- one component

  private ComponentStatus component(String name, List<Instance> unsorted) {
    List<Instance> instances = new ArrayList<>(unsorted);
    instances.sort(Comparator.<Instance>comparingInt(i -> environmentOrder.get(environmentOf(i.stack()).orElseThrow()))
        .thenComparing(Instance::id));
    // lists, not maps keyed by instance: hashing an instance hashes its whole configuration
    List<Placed> cells = new ArrayList<>(instances.size());
    instances.forEach(i -> cells.add(new Placed(i, cell(i))));
    List<Placed> enabled = cells.stream().filter(p -> p.cell().state() != CellState.DISABLED).toList();

    Findings findings = new Findings();
    Optional<LocalDate> convergeBy = folderDivergence(name, enabled, findings);
    Optional<Cell> waiting = timeDivergence(enabled, findings);
    pinsBehind(enabled, findings);
    if (enabled.isEmpty()) {
      findings.note("every instance is disabled (metadata.enabled: false)");
    }

    Set<String> shared = sharedVars(enabled.stream().map(Placed::instance).toList());
    ComponentStatus.Builder status = ComponentStatus.builder()
        .component(name)
        .divergenceClass(findings.divergenceClass())
        .addAllReasons(findings.reasons())
        .convergeBy(convergeBy)
        .addAllSharedVars(shared);
    DivergenceClass chosen = findings.divergenceClass();
    if (waiting.isPresent() && (chosen == DivergenceClass.OPERATIONAL || chosen == DivergenceClass.BLOCKED
        || chosen == DivergenceClass.DRIFT)) {
      status.waitingOn(waiting.get().environment());
      gateOf(waiting.get().environment()).ifPresent(g -> status.gate(g.state()));
    }
    cells.forEach(p -> status.addCell(p.cell().withOverriddenVars(overrides(p.instance(), shared))));
    return status.build();
  }

  /** An instance and its cell, in the order of the component's cells. */
  private record Placed(Instance instance, Cell cell) {}

  private static List<Cell> cellsOf(List<Placed> placed) {
    return placed.stream().map(Placed::cell).toList();
  }

  // ---------------------------------------------------------------- folder divergence

  private Optional<LocalDate> folderDivergence(String name, List<Placed> enabled, Findings findings) {
    for (Placed e : enabled) {
      Cell cell = e.cell();
      if (cell.folderKind() == FolderKind.EXPERIMENT) {
        findings.add(DivergenceClass.EXPERIMENT, cell.environment() + " (" + cell.stack() + ") runs experiment folder "
            + cell.folder());
      } else if (cell.folderKind() == FolderKind.EMERGENCY) {
        findings.add(DivergenceClass.EMERGENCY, cell.environment() + " (" + cell.stack() + ") runs emergency override "
            + cell.folder() + "; reported until the stack returns to trunk");
      }
    }
    List<Cell> enabledCells = cellsOf(enabled);
    Set<String> distinct = enabledCells.stream().map(Cell::folder).collect(Collectors.toCollection(TreeSet::new));
    if (distinct.size() <= 1) {
      return Optional.empty();
    }
    String reference = referenceFolder(enabledCells);
    List<DivergenceDeclaration> used = new ArrayList<>();
    List<Cell> uncovered = new ArrayList<>();
    boolean tracks = false;
    for (Placed e : enabled) {
      Instance instance = e.instance();
      Cell cell = e.cell();
      if (cell.folder().equals(reference)
          || cell.folderKind() == FolderKind.EXPERIMENT || cell.folderKind() == FolderKind.EMERGENCY) {
        continue;
      }
      List<DivergenceDeclaration> covering = covering(name, instance, cell.environment());
      if (!covering.isEmpty()) {
        used.addAll(covering);
      } else if (onTrack(instance, cell)) {
        tracks = true;
      } else {
        uncovered.add(cell);
      }
    }
    String layout = layout(enabledCells);
    if (!uncovered.isEmpty()) {
      findings.add(DivergenceClass.UNDECLARED, layout + "; nothing declares why "
          + labels(uncovered) + " diverge from " + reference);
      return Optional.empty();
    }
    if (used.isEmpty()) {
      if (tracks) {
        findings.add(DivergenceClass.PLANNED, layout + " (release tracks " + String.join(" → ", pipeline.tracks()) + ")");
      }
      return Optional.empty();
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Optional<LocalDate> convergeBy = used.stream().map(DivergenceDeclaration::convergeBy).flatMap(Optional::stream)
        .min(Comparator.naturalOrder());
    DivergenceDeclaration first = used.get(0);
    StringBuilder declared = new StringBuilder(layout).append(" (declared: ").append(first.reason());
    first.owner().ifPresent(o -> declared.append(", owner ").append(o));
    convergeBy.ifPresent(d -> declared.append(", converge by ").append(d));
    declared.append(')');
    if (convergeBy.isPresent() && today.isAfter(convergeBy.get())) {
      findings.add(DivergenceClass.PLANNED_OVERDUE, declared + "; overdue since " + convergeBy.get().plusDays(1));
    } else {
      findings.add(DivergenceClass.PLANNED, declared.toString());
    }
    return convergeBy;
  }

  private String referenceFolder(List<Cell> enabled) {
    for (Cell cell : enabled) {
      if (cell.folderKind() == FolderKind.TRUNK && cell.folder().equals(cell.component())) {
        return cell.folder();
      }
    }
    Map<String, Integer> production = new TreeMap<>();
    for (Cell cell : enabled) {
      if (pipeline.production().contains(cell.environment())) {
        production.merge(cell.folder(), 1, Integer::sum);
      }
    }
    if (!production.isEmpty()) {
      return production.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
    Cell last = null;
    for (Cell cell : enabled) {
      last = cell;
    }
    return Objects.requireNonNull(last).folder();
  }

  private List<DivergenceDeclaration> covering(String component, Instance instance, String environment) {
    List<DivergenceDeclaration> result = new ArrayList<>();
    instance.divergence().ifPresent(result::add);
    for (DivergenceDeclaration d : pipeline.divergences()) {
      if (d.component().map(component::equals).orElse(false)
          && (d.environments().isEmpty() || d.environments().contains(environment))) {
        result.add(d);
      }
    }
    return result;
  }

  private boolean onTrack(Instance instance, Cell cell) {
    if (cell.folderKind() == FolderKind.RELEASE_TRACK) {
      return true;
    }
    Object track = instance.settings().get("release_track");
    return track != null && pipeline.tracks().contains(String.valueOf(track));
  }

  /** {@code dev, staging on database/v2; prod on database/v1}. */
  private static String layout(Iterable<Cell> cells) {
    Map<String, List<Cell>> byFolder = new LinkedHashMap<>();
    for (Cell cell : cells) {
      byFolder.computeIfAbsent(cell.folder(), k -> new ArrayList<>()).add(cell);
    }
    return byFolder.entrySet().stream()
        .map(e -> labels(e.getValue()) + " on " + e.getKey())
        .collect(Collectors.joining("; "));
  }

  /** Environment names, or stack names where an environment's stacks of the component differ. */
  private static String labels(List<Cell> cells) {
    List<String> labels = new ArrayList<>();
    for (Cell cell : cells) {
      String label = cell.environment();
      if (!labels.contains(label)) {
        labels.add(label);
      }
    }
    return String.join(", ", labels);
  }

  // ---------------------------------------------------------------- time divergence

  /** Records time findings; returns the first cell (pipeline order) that is not current. */
  private Optional<Cell> timeDivergence(List<Placed> enabled, Findings findings) {
    Duration window = pipeline.rolloutWindow();
    Optional<Instant> landed = desired.revision().committedAt();
    Optional<Cell> firstBehind = Optional.empty();
    List<Cell> operational = new ArrayList<>();
    for (Placed e : enabled) {
      Instance instance = e.instance();
      Cell cell = e.cell();
      cell.deployedRevision().filter(r -> !history.isEmpty() && !history.contains(r)).ifPresent(r ->
          findings.add(DivergenceClass.DRIFT, cell.stack() + " was deployed from revision " + Revision.abbreviate(r)
              + ", which is not on trunk"));
      if (cell.state() == CellState.CURRENT) {
        ledger.lastDrift(instance.id())
            .filter(d -> d.changes() > 0 && !d.at().isBefore(cell.deployedAt().orElseThrow()))
            .ifPresent(d -> findings.add(DivergenceClass.DRIFT, driftText(cell, d)));
        continue;
      }
      if (firstBehind.isEmpty()) {
        firstBehind = Optional.of(cell);
      }
      if (instance.metadata().locked()) {
        findings.note(cell.stack() + " is locked (metadata.locked: true): the pipeline never changes it");
      }
      if (cell.state() == CellState.FAILED) {
        Deployment failed = ledger.lastAttempt(instance.id()).orElseThrow();
        findings.add(DivergenceClass.BLOCKED, cell.stack() + ": deployment at " + Revision.abbreviate(failed.revision())
            + " failed at " + failed.at() + "; rerun it or roll forward");
        continue;
      }
      Optional<Gate> gate = gateOf(cell.environment());
      if (gate.isPresent() && gate.get().state() == GateState.BLOCKED) {
        findings.add(DivergenceClass.BLOCKED, cell.environment() + " is blocked: " + String.join("; ", gate.get().reasons()));
        continue;
      }
      Optional<Instant> since = behindSince(instance, cell, landed);
      if (since.isPresent() && Duration.between(since.get(), now).compareTo(window) > 0) {
        findings.add(DivergenceClass.DRIFT, cell.stack() + " " + describe(cell.state()) + " since " + since.get()
            + ", longer than the rollout window (" + render(window) + ")");
      } else {
        operational.add(cell);
      }
    }
    if (!operational.isEmpty()) {
      Cell first = firstBehind.orElseThrow();
      StringBuilder text = new StringBuilder(where(operational, cellsOf(enabled)))
          .append(operational.size() == 1 ? " is" : " are").append(" behind ").append(desired.revision().shortId());
      landed.ifPresent(t -> text.append(t.isAfter(now)
          ? " (landed " + t + ", after the report's instant; rollout window " + render(window) + ")"
          : " (landed " + render(Duration.between(t, now)) + " ago; rollout window " + render(window) + ")"));
      gateOf(first.environment()).ifPresent(g -> {
        text.append("; waiting on ").append(first.environment()).append(": ").append(g.state().word());
        g.opensAt().ifPresent(t -> text.append(" until ").append(t));
        if (!g.reasons().isEmpty()) {
          text.append(" (").append(String.join("; ", g.reasons())).append(')');
        }
      });
      findings.add(DivergenceClass.OPERATIONAL, text.toString());
    }
    return firstBehind;
  }

  /**
   * Where {@code cells} are, briefly: an environment's name when they are all of the component's
   * cells there, else their stacks (up to three), else {@code dev (5 of 8 stacks)}.
   */
  private static String where(List<Cell> cells, Collection<Cell> all) {
    Map<String, List<Cell>> byEnvironment = new LinkedHashMap<>();
    cells.forEach(c -> byEnvironment.computeIfAbsent(c.environment(), k -> new ArrayList<>()).add(c));
    List<String> parts = new ArrayList<>();
    byEnvironment.forEach((environment, listed) -> {
      long total = all.stream().filter(c -> c.environment().equals(environment)).count();
      if (listed.size() == total) {
        parts.add(environment);
      } else if (listed.size() <= 3) {
        listed.forEach(c -> parts.add(c.stack()));
      } else {
        parts.add(environment + " (" + listed.size() + " of " + total + " stacks)");
      }
    });
    return String.join(", ", parts);
  }

  private Optional<Instant> behindSince(Instance instance, Cell cell, Optional<Instant> landed) {
    Optional<Instant> since = landed;
    if (cell.state() == CellState.BEHIND) {
      Deployment deployed = ledger.deployed(instance.id()).orElseThrow();
      boolean sourceBehind = !deployed.folder().equals(instance.folder())
          || !deployed.sourceDigest().equals(instance.sourceDigest());
      if (sourceBehind) {
        Optional<Instant> elsewhere = ledger.firstDeployedAnywhere(instance.folder(), instance.sourceDigest());
        if (elsewhere.isPresent() && (since.isEmpty() || elsewhere.get().isBefore(since.get()))) {
          since = elsewhere;
        }
      }
    }
    return since;
  }

  private static String describe(CellState state) {
    return state == CellState.NEVER_DEPLOYED ? "never deployed" : "behind";
  }

  private static String driftText(Cell cell, Drift drift) {
    return cell.stack() + ": terraform plan at " + drift.at() + " showed " + drift.changes()
        + (drift.changes() == 1 ? " change" : " changes") + " on an up-to-date instance";
  }

  private Optional<Gate> gateOf(String environment) {
    return plan.environment(environment).map(EnvironmentPlan::gate);
  }

  // ---------------------------------------------------------------- strict pins

  private void pinsBehind(List<Placed> enabled, Findings findings) {
    Set<String> reported = new HashSet<>();
    for (Placed placed : enabled) {
      Cell cell = placed.cell();
      if (cell.folderKind() != FolderKind.STRICT_PIN || !reported.add(cell.folder())) {
        continue;
      }
      ComponentFolder pin = classify(cell.folder());
      newerVersions(pin).ifPresent(newer -> findings.note(cell.folder() + " is a strict pin " + newer));
    }
  }

  /** {@code "2 versions behind vpc/1.4.0"}, when newer versions of the pinned folder exist. */
  private Optional<String> newerVersions(ComponentFolder pin) {
    if (pin.version().isEmpty() || !Versions.isOrdered(pin.version().get())) {
      return Optional.empty();
    }
    Set<String> known = new TreeSet<>(folders.folders());
    known.addAll(folders.vendorTargets());
    List<ComponentFolder> newer = new ArrayList<>();
    for (String folder : known) {
      ComponentFolder other = classify(folder);
      if (other.kind() == FolderKind.STRICT_PIN && other.base().equals(pin.base()) && other.version().isPresent()
          && Versions.isOrdered(other.version().get()) && Versions.compare(other.version().get(), pin.version().get()) > 0) {
        newer.add(other);
      }
    }
    if (newer.isEmpty()) {
      return Optional.empty();
    }
    newer.sort((a, b) -> Versions.compare(a.version().orElseThrow(), b.version().orElseThrow()));
    ComponentFolder newest = newer.get(newer.size() - 1);
    return Optional.of(newer.size() + (newer.size() == 1 ? " version" : " versions") + " behind " + newest.path());
  }

  // ---------------------------------------------------------------- parity

  private static Set<String> sharedVars(Iterable<Instance> instances) {
    Map<String, Object> shared = null;
    for (Instance instance : instances) {
      if (shared == null) {
        shared = new TreeMap<>(instance.vars());
      } else {
        shared.entrySet().removeIf(e -> !instance.vars().containsKey(e.getKey())
            || !Objects.equals(instance.vars().get(e.getKey()), e.getValue()));
      }
    }
    return shared == null ? Set.of() : new TreeSet<>(shared.keySet());
  }

  private static List<String> overrides(Instance instance, Set<String> shared) {
    return instance.vars().keySet().stream().filter(k -> !shared.contains(k)).sorted().toList();
  }

  // ---------------------------------------------------------------- environments

  private List<EnvironmentStatus> environments(List<ComponentStatus> components) {
    List<EnvironmentStatus> result = new ArrayList<>();
    for (Environment environment : pipeline.order()) {
      Map<CellState, Integer> counts = new EnumMap<>(CellState.class);
      for (ComponentStatus component : components) {
        for (Cell cell : component.cells()) {
          if (cell.environment().equals(environment.name())) {
            counts.merge(cell.state(), 1, Integer::sum);
          }
        }
      }
      Gate gate = gateOf(environment.name()).orElseThrow();
      result.add(EnvironmentStatus.builder()
          .name(environment.name())
          .addAllAfter(environment.after())
          .gate(gate.state())
          .opensAt(gate.opensAt())
          .addAllConditions(gate.conditions())
          .putAllCells(counts)
          .build());
    }
    return result;
  }

  // ---------------------------------------------------------------- text


  /** {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 3d}. */
  static String render(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    if (minutes == 0) {
      return duration.toSeconds() + "s";
    }
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    StringBuilder out = new StringBuilder();
    if (days > 0) {
      out.append(days).append('d');
    }
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (mins > 0) {
      out.append(mins).append('m');
    }
    return out.toString();
  }

  /** Findings collected for one component; the class is the first in {@link DivergenceClass} order. */
  private static final class Findings {
    private final Map<DivergenceClass, List<String>> byClass = new EnumMap<>(DivergenceClass.class);
    private final List<String> notes = new ArrayList<>();

    void add(DivergenceClass divergenceClass, String reason) {
      byClass.computeIfAbsent(divergenceClass, k -> new ArrayList<>()).add(reason);
    }

    void note(String reason) {
      notes.add(reason);
    }

    DivergenceClass divergenceClass() {
      return byClass.isEmpty() ? DivergenceClass.CONVERGED : byClass.keySet().iterator().next();
    }

    List<String> reasons() {
      List<String> result = new ArrayList<>();
      byClass.values().forEach(result::addAll);
      result.addAll(notes);
      return result;
    }
  }
}
