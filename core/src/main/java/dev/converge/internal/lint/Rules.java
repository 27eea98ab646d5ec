package dev.converge.internal.lint;

import dev.converge.internal.hint.DidYouMean;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.internal.version.Versions;
import dev.converge.internal.graph.Cycles;
import dev.converge.lint.LintRule;
import dev.converge.model.ComponentFolder;
import dev.converge.model.ComponentType;
import dev.converge.model.DesiredState;
import dev.converge.model.DivergenceDeclaration;
import dev.converge.model.FolderClassifier;
import dev.converge.model.FolderInventory;
import dev.converge.model.FolderKind;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.VendoredFolder;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The lint rules of spec section 5, each a method that adds {@link Problem}s; independent of one
 * another, so one bad instance never hides the problems of another.
 *
 * <p>State keys are computed as Atmos computes them (research notes 1.6 and 1.7), because the rule
 * exists to predict what Atmos will do to the Terraform state:
 *
 * <ul>
 *   <li>{@code workspace_key_prefix}: {@code backend.<type>.workspace_key_prefix} when set, else
 *       {@code metadata.name}, else the folder with {@code /} replaced by {@code -}: the instance's
 *       {@link Instance#stateKeyPrefix()}.
 *   <li>workspace: {@code metadata.terraform_workspace} (or a pattern) when set; else the context
 *       prefix when the folder equals the component name; else {@code <prefix>-<component>}: the
 *       instance's {@link Instance#terraformWorkspace()}, and {@link Instance#defaultWorkspace} for
 *       another folder.
 * </ul>
 *
 * <p>The trunk instance of an instance on a diverged folder is the same component deployed from
 * the diverged folder's trunk folder ({@link ComponentFolder#base()}): its prefix is that of an
 * instance of the component on a trunk folder when the desired state has one (it may set
 * {@code metadata.name}), else the trunk folder's default; its workspace follows the rule above for
 * the trunk folder when the instance is an experiment or a hotfix (they return to trunk when they
 * end) or when some instance of the component deploys the folder named after it, and is
 * the derived {@code <stack prefix>-<component>} otherwise (every instance of a component that only
 * ever runs from versions, {@code database/v1} and {@code database/v2}, shares that workspace). The
 * instance keeps its state when both are equal.
 */
public final class Rules {

  private final DesiredState desired;
  private final Pipeline pipeline;
  private final FolderInventory folders;
  private final FolderClassifier classifier;
  private final Optional<Instant> now;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<InstanceId, Instance> byId = new HashMap<>();
  private final Set<String> componentNames = new TreeSet<>();
  private final Map<String, List<Instance>> byComponent = new HashMap<>();
  private final Map<String, List<Instance>> byFolder = new HashMap<>();
  private final Map<String, ComponentFolder> classified = new HashMap<>();
  private final Map<String, List<Environment>> environmentsOfStack = new HashMap<>();

  private Rules(DesiredState desired, Pipeline pipeline, FolderInventory folders, FolderClassifier classifier,
      Optional<Instant> now) {
    this.desired = desired;
    this.pipeline = pipeline;
    this.folders = folders;
    this.classifier = classifier;
    this.now = now;
    for (Instance instance : desired.instances()) {
      byId.put(instance.id(), instance);
      componentNames.add(instance.component());
      byComponent.computeIfAbsent(instance.component(), k -> new ArrayList<>()).add(instance);
      byFolder.computeIfAbsent(instance.folder(), k -> new ArrayList<>()).add(instance);
    }
    byComponent.values().forEach(list -> list.sort(Comparator.comparing(Instance::id)));
    byFolder.values().forEach(list -> list.sort(Comparator.comparing(Instance::id)));
  }

  public static List<Problem> check(DesiredState desired, Pipeline pipeline, FolderInventory folders,
      FolderClassifier classifier, Optional<Instant> now) {
    Rules rules = new Rules(desired, pipeline, folders, classifier, now);
    List<Instance> instances = new ArrayList<>(desired.instances());
    instances.sort(Comparator.comparing(Instance::id));
    for (Instance instance : instances) {
      if (instance.metadata().type() == ComponentType.ABSTRACT) {
        rules.inheritance(instance);
        continue;
      }
      rules.stateKey(instance);
      rules.settingsKeyPrefix(instance);
      rules.experimentInProduction(instance);
      rules.folderExists(instance);
      rules.releaseTrack(instance);
      rules.dependsOn(instance);
      rules.inheritance(instance);
      rules.abstractAsFolder(instance);
      instance.divergence().ifPresent(d -> rules.declaration(d, Optional.of(instance)));
    }
    pipeline.divergences().forEach(d -> rules.declaration(d, Optional.empty()));
    pipeline.divergences().forEach(rules::declarationTarget);
    rules.stackEnvironments(instances);
    rules.vendorVersions();
    rules.pinsBehind(instances);
    rules.cycles(instances);
    List<Problem> result = new ArrayList<>(rules.problems);
    result.sort(Comparator.comparing((Problem p) -> p.stack().orElse(""))
        .thenComparing(p -> p.component().orElse(""))
        .thenComparing(Problem::rule)
        .thenComparing(Problem::message));
    return List.copyOf(new LinkedHashSet<>(result));
  }

  /** Folder classification runs regular expressions: once per folder, not once per instance. */
  private ComponentFolder classify(String folder) {
    return classified.computeIfAbsent(folder, classifier::classify);
  }

  private List<Environment> environmentsOf(String stack) {
    return environmentsOfStack.computeIfAbsent(stack, pipeline::environmentsOf);
  }

  // ---------------------------------------------------------------- state keys

  private void stateKey(Instance instance) {
    ComponentFolder folder = classify(instance.folder());
    if (folder.kind() == FolderKind.TRUNK) {
      return;
    }
    String prefix = instance.stateKeyPrefix();
    String workspace = instance.terraformWorkspace();
    String trunkPrefix = trunkKeyPrefix(instance.component(), folder.base());
    String trunkWorkspace = instance.defaultWorkspace(
        returnsToTrunk(folder) || trunkDeployed(instance.component()) ? folder.base() : instance.folder());
    List<String> differences = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    String backend = instance.backendType().orElse("s3");
    if (!prefix.equals(trunkPrefix)) {
      differences.add("workspace_key_prefix `" + prefix + "` instead of `" + trunkPrefix + "`");
      fixes.add("set backend." + backend + ".workspace_key_prefix: " + trunkPrefix + " (or metadata.name: " + trunkPrefix + ")");
    }
    if (!workspace.equals(trunkWorkspace)) {
      differences.add("workspace `" + workspace + "` instead of `" + trunkWorkspace + "`");
      fixes.add("set metadata.terraform_workspace: " + trunkWorkspace);
    }
    if (differences.isEmpty()) {
      return;
    }
    add(LintRule.STATE_KEY_STABILITY, instance,
        instance.component() + " in " + instance.stack() + " deploys " + folder.kind().word().replace('_', ' ')
            + " folder " + instance.folder() + " with " + String.join(" and ", differences)
            + " (the trunk instance on " + folder.base() + "): Terraform would start from empty state and recreate its resources",
        String.join("; ", fixes));
  }

  /** Experiments and hotfixes go back to the trunk folder when they end. */
  private static boolean returnsToTrunk(ComponentFolder folder) {
    return folder.kind() == FolderKind.EXPERIMENT || folder.kind() == FolderKind.EMERGENCY;
  }

  /** Whether some instance of {@code component} deploys the folder named after it (so its workspace is the bare prefix). */
  private boolean trunkDeployed(String component) {
    return byComponent.getOrDefault(component, List.of()).stream()
        .anyMatch(i -> i.folder().equals(component) && i.metadata().type() == ComponentType.REAL);
  }

  private String trunkKeyPrefix(String component, String trunkFolder) {
    return byComponent.getOrDefault(component, List.of()).stream()
        .filter(i -> i.folder().equals(trunkFolder) && i.metadata().type() == ComponentType.REAL)
        .map(Instance::stateKeyPrefix)
        .findFirst()
        .orElse(trunkFolder.replace('/', '-'));
  }

  private void settingsKeyPrefix(Instance instance) {
    Object value = instance.settings().get("workspace_key_prefix");
    if (value == null) {
      return;
    }
    String backend = instance.backendType().orElse("s3");
    add(LintRule.SETTINGS_WORKSPACE_KEY_PREFIX, instance,
        instance.component() + " in " + instance.stack() + " sets settings.workspace_key_prefix `" + value
            + "`, which Atmos never reads: its state key prefix is `" + instance.stateKeyPrefix() + "`",
        "move it to backend." + backend + ".workspace_key_prefix: " + value + ", or set metadata.name: " + value
            + "; to keep the Terraform workspace of the trunk instance, set metadata.terraform_workspace");
  }

  // ---------------------------------------------------------------- environments

  private void stackEnvironments(List<Instance> instances) {
    Set<String> seen = new HashSet<>();
    for (Instance instance : instances) {
      if (!seen.add(instance.stack())) {
        continue;
      }
      List<Environment> matches = environmentsOf(instance.stack());
      if (matches.isEmpty()) {
        addForStack(LintRule.STACK_ENVIRONMENT, instance,
            "stack " + instance.stack() + " matches no environment of the pipeline; its instances are never planned",
            "add a glob matching " + instance.stack() + " to the 'stacks' of one environment in rollout.yaml");
      } else if (matches.size() > 1) {
        addForStack(LintRule.STACK_ENVIRONMENT, instance,
            "stack " + instance.stack() + " matches environments "
                + matches.stream().map(Environment::name).collect(Collectors.joining(", "))
                + "; every stack must match exactly one",
            "narrow the 'stacks' globs in rollout.yaml so that only one environment matches " + instance.stack());
      }
    }
  }

  private void addForStack(LintRule rule, Instance instance, String message, String fix) {
    Problem.Builder problem = Problem.builder()
        .rule(rule.id())
        .severity(rule.severity())
        .message(message)
        .fix(fix)
        .stack(instance.stack());
    instance.location().map(l -> SourceLocation.ofFile(l.file())).ifPresent(problem::location);
    problems.add(problem.build());
  }

  // ---------------------------------------------------------------- folders

  private void experimentInProduction(Instance instance) {
    ComponentFolder folder = classify(instance.folder());
    if (folder.kind() != FolderKind.EXPERIMENT) {
      return;
    }
    for (Environment environment : environmentsOf(instance.stack())) {
      if (isProduction(environment.name())) {
        add(LintRule.EXPERIMENT_IN_PRODUCTION, instance,
            instance.component() + " in " + instance.stack() + " (production environment " + environment.name()
                + ") deploys experiment folder " + instance.folder(),
            "point metadata.component back at " + folder.base() + " in " + instance.stack()
                + ", or promote the experiment by merging it into " + folder.base());
        return;
      }
    }
  }

  /** Production is what the pipeline lists; when it lists nothing, environments named {@code prod*}. */
  private boolean isProduction(String environment) {
    if (!pipeline.production().isEmpty()) {
      return pipeline.production().contains(environment);
    }
    return environment.startsWith("prod");
  }

  private void folderExists(Instance instance) {
    if (folders.folders().isEmpty() || !instance.metadata().enabled()) {
      return;
    }
    if (folders.exists(instance.folder()) || folders.vendored(instance.folder()).isPresent()) {
      return;
    }
    Set<String> candidates = new TreeSet<>(folders.folders());
    candidates.addAll(folders.vendorTargets());
    String hint = DidYouMean.closest(instance.folder(), candidates).map(c -> " (did you mean `" + c + "`?)").orElse("");
    add(LintRule.COMPONENT_FOLDER_MISSING, instance,
        instance.component() + " in " + instance.stack() + " deploys folder " + instance.folder()
            + ", which does not exist and is not a vendor.yaml target" + hint,
        "create the folder, add a vendor.yaml source whose target is " + instance.folder()
            + ", or point metadata.component at an existing folder");
  }

  private void vendorVersions() {
    for (VendoredFolder pin : folders.vendored()) {
      ComponentFolder folder = classify(pin.folder());
      if (pin.version().isEmpty() || folder.version().isEmpty() || Versions.same(pin.version().get(), folder.version().get())) {
        continue;
      }
      Optional<Instance> user = byFolder.getOrDefault(pin.folder(), List.of()).stream().findFirst();
      Problem.Builder problem = Problem.builder()
          .rule(LintRule.VENDOR_VERSION_MISMATCH.id())
          .severity(LintRule.VENDOR_VERSION_MISMATCH.severity())
          .message("vendor.yaml fills " + pin.folder() + " with version " + pin.version().get()
              + ", but the folder name says " + folder.version().get()
              + user.map(i -> " (deployed by " + i.component() + " in " + i.stack() + ")").orElse(""))
          .fix("make the vendor entry's version " + folder.version().get() + ", or rename the folder (and every metadata.component naming it) to match "
              + pin.version().get());
      pin.location().or(() -> user.flatMap(Instance::location)).ifPresent(problem::location);
      user.ifPresent(i -> problem.stack(i.stack()).component(i.component()));
      problems.add(problem.build());
    }
  }

  private void pinsBehind(List<Instance> instances) {
    Set<String> known = new TreeSet<>(folders.folders());
    known.addAll(folders.vendorTargets());
    Set<String> reported = new HashSet<>();
    for (Instance instance : instances) {
      ComponentFolder pin = classify(instance.folder());
      if (pin.kind() != FolderKind.STRICT_PIN || pin.version().isEmpty() || !Versions.isOrdered(pin.version().get())
          || !reported.add(instance.folder())) {
        continue;
      }
      List<ComponentFolder> newer = known.stream().map(this::classify)
          .filter(f -> f.kind() == FolderKind.STRICT_PIN && f.base().equals(pin.base()) && f.version().isPresent()
              && Versions.isOrdered(f.version().get()) && Versions.compare(f.version().get(), pin.version().get()) > 0)
          .sorted((a, b) -> Versions.compare(a.version().orElseThrow(), b.version().orElseThrow()))
          .toList();
      if (newer.isEmpty()) {
        continue;
      }
      String newest = newer.get(newer.size() - 1).path();
      List<String> users = byFolder.get(instance.folder()).stream().map(Instance::stack).distinct().toList();
      add(LintRule.STRICT_PIN_BEHIND, instance,
          instance.component() + " in " + String.join(", ", users) + " is pinned to " + instance.folder() + ", "
              + newer.size() + (newer.size() == 1 ? " version" : " versions") + " behind " + newest,
          "point metadata.component at " + newest + " when the upgrade is planned; a pin never moves on its own");
    }
  }

  private void releaseTrack(Instance instance) {
    Object track = instance.settings().get("release_track");
    if (track != null && !pipeline.tracks().contains(String.valueOf(track))) {
      add(LintRule.UNKNOWN_RELEASE_TRACK, instance,
          instance.component() + " in " + instance.stack() + " sets settings.release_track `" + track
              + "`, which is not a release track of rollout.yaml" + tracks(),
          "use one of the tracks, or add `" + track + "` to tracks in rollout.yaml" + didYouMean(String.valueOf(track)));
      return;
    }
    ComponentFolder folder = classify(instance.folder());
    int slash = instance.folder().indexOf('/');
    if (folder.kind() == FolderKind.TRUNK && slash > 0
        && instance.folder().substring(slash + 1).equals(instance.component())) {
      String prefix = instance.folder().substring(0, slash);
      add(LintRule.UNKNOWN_RELEASE_TRACK, instance,
          instance.component() + " in " + instance.stack() + " deploys " + instance.folder() + ", but `" + prefix
              + "` is not a release track of rollout.yaml" + tracks(),
          "add `" + prefix + "` to tracks in rollout.yaml, or point metadata.component at a track's folder"
              + didYouMean(prefix));
    }
  }

  private String tracks() {
    return pipeline.tracks().isEmpty() ? " (it lists none)" : " (" + String.join(", ", pipeline.tracks()) + ")";
  }

  private String didYouMean(String word) {
    return DidYouMean.closest(word, pipeline.tracks()).map(t -> " (did you mean `" + t + "`?)").orElse("");
  }

  // ---------------------------------------------------------------- dependencies

  private void dependsOn(Instance instance) {
    Set<String> reported = new HashSet<>();
    for (InstanceId target : instance.dependsOn()) {
      Instance found = byId.get(target);
      if (found == null) {
        reported.add(target.component());
        add(LintRule.DEPENDS_ON_UNKNOWN, instance,
            instance.component() + " in " + instance.stack() + " depends on " + target.component() + " in "
                + target.stack() + ", which does not exist" + hint(target.component()),
            "fix the component or stack name in settings.depends_on, or remove the entry");
      } else if (found.metadata().type() == ComponentType.ABSTRACT) {
        add(LintRule.ABSTRACT_REFERENCED_AS_DEPLOYABLE, instance,
            instance.component() + " in " + instance.stack() + " depends on " + target.component()
                + ", which is abstract (metadata.type: abstract) and never deployed",
            "depend on a real component that inherits from " + target.component() + ", or remove the entry");
      }
    }
    Object raw = instance.settings().get("depends_on");
    if (raw instanceof Map<?, ?> entries) {
      for (Object entry : entries.values()) {
        if (entry instanceof Map<?, ?> e && e.get("component") != null) {
          String name = String.valueOf(e.get("component"));
          if (!componentNames.contains(name) && reported.add(name)) {
            add(LintRule.DEPENDS_ON_UNKNOWN, instance,
                instance.component() + " in " + instance.stack() + " depends on component `" + name
                    + "`, which no stack defines" + hint(name),
                "fix the component name in settings.depends_on, or remove the entry");
          }
        }
      }
    }
  }

  private String hint(String name) {
    return DidYouMean.closest(name, componentNames).map(c -> " (did you mean `" + c + "`?)").orElse("");
  }

  private void cycles(List<Instance> instances) {
    List<InstanceId> ids = instances.stream().map(Instance::id).toList();
    for (List<InstanceId> cycle : Cycles.of(ids, id -> byId.get(id).dependsOn())) {
      Instance first = byId.get(cycle.get(0));
      String members = cycle.stream().map(InstanceId::render).collect(Collectors.joining(", "));
      add(LintRule.DEPENDENCY_CYCLE, first,
          "settings.depends_on forms a cycle among " + members + "; none of them can be deployed",
          "remove one of the depends_on entries between " + members);
    }
  }

  // ---------------------------------------------------------------- inheritance

  private void inheritance(Instance instance) {
    for (String base : instance.metadata().inherits()) {
      Instance found = byId.get(InstanceId.of(instance.stack(), base));
      if (found == null) {
        List<String> inStack = desired.instances().stream().filter(i -> i.stack().equals(instance.stack()))
            .map(Instance::component).toList();
        String hint = DidYouMean.closest(base, inStack).map(c -> " (did you mean `" + c + "`?)").orElse("");
        add(LintRule.INHERITS_MISSING_BASE, instance,
            instance.component() + " in " + instance.stack() + " inherits from " + base
                + ", which is not defined in that stack" + hint,
            "import the catalog file that defines " + base + " into the stack, or fix the name in metadata.inherits");
      } else if (found.metadata().type() == ComponentType.REAL && found.metadata().enabled()) {
        add(LintRule.INHERITS_REAL_BASE, instance,
            instance.component() + " in " + instance.stack() + " inherits from " + base
                + ", which is a real component, so it is deployed itself as well",
            "set metadata.type: abstract on " + base + " if it is only a base");
      }
    }
  }

  private void abstractAsFolder(Instance instance) {
    if (instance.folder().equals(instance.component())) {
      return;
    }
    Instance named = byId.get(InstanceId.of(instance.stack(), instance.folder()));
    if (named != null && named.metadata().type() == ComponentType.ABSTRACT) {
      add(LintRule.ABSTRACT_REFERENCED_AS_DEPLOYABLE, instance,
          instance.component() + " in " + instance.stack() + " sets metadata.component to " + instance.folder()
              + ", the abstract component; metadata.component names a folder, not a component to inherit from",
          "list " + instance.folder() + " in metadata.inherits and set metadata.component to the Terraform folder");
    }
  }

  // ---------------------------------------------------------------- divergence declarations

  private void declaration(DivergenceDeclaration declaration, Optional<Instance> instance) {
    String subject = instance.map(i -> i.component() + " in " + i.stack() + " declares")
        .orElse("rollout.yaml declares for " + declaration.component().orElse("a component"));
    if (declaration.convergeBy().isEmpty()) {
      add(LintRule.DIVERGENCE_WITHOUT_DATE, declaration, instance,
          subject + " a planned divergence (" + declaration.reason() + ") without converge_by",
          "add converge_by: <date> to the declaration, with the criteria for converging");
      return;
    }
    LocalDate by = declaration.convergeBy().get();
    if (now.isPresent() && LocalDate.ofInstant(now.get(), ZoneOffset.UTC).isAfter(by)) {
      add(LintRule.DIVERGENCE_OVERDUE, declaration, instance,
          subject + " a planned divergence (" + declaration.reason() + ") that was to converge by " + by,
          "converge the environments on one folder and remove the declaration, or agree on a new converge_by"
              + declaration.owner().map(o -> " with " + o).orElse(""));
    }
  }

  private void declarationTarget(DivergenceDeclaration declaration) {
    declaration.component().filter(c -> !componentNames.contains(c)).ifPresent(c ->
        add(LintRule.DIVERGENCE_UNKNOWN_TARGET, declaration, Optional.empty(),
            "rollout.yaml declares a divergence for component " + c + ", which no stack defines" + hint(c),
            "fix the component name, or remove the declaration"));
    for (String environment : declaration.environments()) {
      if (pipeline.environment(environment).isEmpty()) {
        add(LintRule.DIVERGENCE_UNKNOWN_TARGET, declaration, Optional.empty(),
            "rollout.yaml declares a divergence for " + declaration.component().orElse("a component")
                + " in environment " + environment + ", which the pipeline does not have",
            "use one of " + pipeline.environments().stream().map(Environment::name).toList());
      }
    }
  }

  // ---------------------------------------------------------------- problems

  private void add(LintRule rule, Instance instance, String message, String fix) {
    Problem.Builder problem = Problem.builder()
        .rule(rule.id())
        .severity(rule.severity())
        .message(message)
        .fix(fix)
        .stack(instance.stack())
        .component(instance.component());
    instance.location().ifPresent(problem::location);
    problems.add(problem.build());
  }

  private void add(LintRule rule, DivergenceDeclaration declaration, Optional<Instance> instance, String message,
      String fix) {
    Problem.Builder problem = Problem.builder()
        .rule(rule.id())
        .severity(rule.severity())
        .message(message)
        .fix(fix);
    instance.ifPresent(i -> problem.stack(i.stack()).component(i.component()));
    if (instance.isEmpty()) {
      declaration.component().ifPresent(problem::component);
    }
    Optional<SourceLocation> location = declaration.location().or(() -> instance.flatMap(Instance::location));
    location.ifPresent(problem::location);
    problems.add(problem.build());
  }

  /** The candidate closest to {@code word} by edit distance, when it is close enough to be a typo. */
}
