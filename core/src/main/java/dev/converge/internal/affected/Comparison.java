package dev.converge.internal.affected;

import dev.converge.affected.AffectedInstance;
import dev.converge.affected.AffectedReason;
import dev.converge.affected.AffectedReport;
import dev.converge.affected.ReasonKind;
import dev.converge.model.ComponentType;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderInventory;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.VendoredFolder;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
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

/**
 * Affected between two desired states: {@code affected(base, head, changed files)}.
 *
 * <p>Why digests decide and files explain: the loader computes a source digest from the folder's
 * git tree and a configuration digest from the resolved configuration, so a digest that differs is
 * exactly a deployment that differs, whatever file caused it (a catalog import, a mixin, a vendored
 * source). The changed files only name the cause: which files of the folder, which import.
 *
 * <p>How, per instance (abstract ones are never deployed and are left out; an instance disabled on
 * both sides is left out, as Atmos does):
 *
 * <ol>
 *   <li>Only in head: added. Only in base: deleted (with its stack when the stack is gone).
 *   <li>In both: {@code metadata} (folder, enabled, locked, inherits); the folder's source digest
 *       (vendored when the folder is a vendor target, or when its vendor entry changed); then each
 *       section on its own ({@code vars}, {@code env}, {@code settings}, {@code backend},
 *       {@code backend_type}, workspace and key prefix, {@code depends_on}), naming the changed
 *       keys and the changed import or stack file; a configuration digest that differs with no
 *       section to show for it is reported as configuration.
 *   <li>Dependents, transitively: breadth first over the reverse {@code depends_on} graph of head,
 *       each dependent gets one reason per affected dependency it names directly, so a chain
 *       {@code vpc -> eks -> app} reads "app depends on eks, which is affected".
 * </ol>
 *
 * <p>The result is ordered by environment (pipeline order; stacks in no environment last), then by
 * instance id, so equal inputs give equal reports.
 */
public final class Comparison {

  private final Pipeline pipeline;
  private final String basePath;
  private final FolderInventory baseFolders;
  private final FolderInventory headFolders;
  private final List<String> files;
  private final Map<InstanceId, List<AffectedReason>> reasons = new HashMap<>();
  private final Map<InstanceId, String> folders = new HashMap<>();
  private final Map<String, Optional<String>> environmentOfStack = new HashMap<>();

  private Comparison(Pipeline pipeline, String basePath, FolderInventory baseFolders, FolderInventory headFolders,
      List<String> files) {
    this.pipeline = pipeline;
    this.basePath = basePath;
    this.baseFolders = baseFolders;
    this.headFolders = headFolders;
    this.files = files;
  }

  public static AffectedReport compare(Pipeline pipeline, String basePath, FolderInventory baseFolders,
      FolderInventory headFolders, DesiredState base, DesiredState head, List<String> files) {
    return new Comparison(pipeline, basePath, baseFolders, headFolders, files).run(base, head);
  }

  private AffectedReport run(DesiredState base, DesiredState head) {
    Map<InstanceId, Instance> before = index(base);
    Map<InstanceId, Instance> after = index(head);
    Set<String> headStacks = new HashSet<>();
    after.keySet().forEach(id -> headStacks.add(id.stack()));
    head.instances().forEach(i -> headStacks.add(i.stack()));

    for (Instance now : after.values()) {
      Instance then = before.get(now.id());
      if (then == null) {
        add(now, ReasonKind.ADDED, "added" + now.location().map(l -> " in " + l.file()).orElse(""));
      } else if (now.metadata().enabled() || then.metadata().enabled()) {
        compare(then, now);
      }
    }
    for (Instance then : before.values()) {
      if (!after.containsKey(then.id())) {
        boolean stackGone = !headStacks.contains(then.stack());
        add(then, ReasonKind.DELETED, (stackGone ? "deleted with its stack " + then.stack() : "deleted")
            + "; destroying it needs an approval");
      }
    }
    dependents(after);

    Map<String, Integer> order = new HashMap<>();
    List<Environment> environments = pipeline.order();
    for (int i = 0; i < environments.size(); i++) {
      order.put(environments.get(i).name(), i);
    }
    List<AffectedInstance> result = new ArrayList<>();
    for (Map.Entry<InstanceId, List<AffectedReason>> e : reasons.entrySet()) {
      InstanceId id = e.getKey();
      result.add(AffectedInstance.builder()
          .environment(environmentOf(id.stack()))
          .instance(id)
          .folder(folders.get(id))
          .addAllReasons(e.getValue())
          .build());
    }
    result.sort(Comparator.<AffectedInstance>comparingInt(a -> a.environment().map(order::get).orElse(Integer.MAX_VALUE))
        .thenComparing(AffectedInstance::instance));
    return AffectedReport.builder()
        .base(base.revision().id())
        .head(head.revision().id())
        .addAllAffected(result)
        .build();
  }

  private static Map<InstanceId, Instance> index(DesiredState state) {
    Map<InstanceId, Instance> result = new TreeMap<>();
    for (Instance instance : state.instances()) {
      if (instance.metadata().type() != ComponentType.ABSTRACT) {
        result.put(instance.id(), instance);
      }
    }
    return result;
  }

  private Optional<String> environmentOf(String stack) {
    return environmentOfStack.computeIfAbsent(stack,
        s -> pipeline.environmentsOf(s).stream().findFirst().map(Environment::name));
  }

  // ---------------------------------------------------------------- one instance

  private void compare(Instance then, Instance now) {
    if (!then.folder().equals(now.folder())) {
      add(now, ReasonKind.METADATA, "metadata.component changed from " + then.folder() + " to " + now.folder());
    }
    if (then.metadata().enabled() != now.metadata().enabled()) {
      add(now, ReasonKind.METADATA, now.metadata().enabled() ? "enabled (metadata.enabled)" : "disabled (metadata.enabled: false)");
    }
    if (then.metadata().locked() != now.metadata().locked()) {
      add(now, ReasonKind.METADATA, now.metadata().locked() ? "locked (metadata.locked)" : "unlocked (metadata.locked)");
    }
    if (!then.metadata().inherits().equals(now.metadata().inherits())) {
      add(now, ReasonKind.METADATA, "metadata.inherits changed from " + then.metadata().inherits() + " to "
          + now.metadata().inherits());
    }
    source(then, now);
    String cause = cause(now);
    section(now, ReasonKind.VARS, "vars", then.vars(), now.vars(), cause);
    section(now, ReasonKind.ENV, "env", then.env(), now.env(), cause);
    section(now, ReasonKind.SETTINGS, "settings", then.settings(), now.settings(), cause);
    section(now, ReasonKind.BACKEND, "backend", then.backend(), now.backend(), cause);
    if (!then.backendType().equals(now.backendType())) {
      add(now, ReasonKind.BACKEND_TYPE, "backend_type changed from " + then.backendType().orElse("none") + " to "
          + now.backendType().orElse("none") + cause);
    }
    if (!then.workspace().equals(now.workspace())) {
      add(now, ReasonKind.WORKSPACE, "workspace changed from " + then.workspace().orElse("none") + " to "
          + now.workspace().orElse("none") + ": its state moves");
    }
    if (!then.workspaceKeyPrefix().equals(now.workspaceKeyPrefix())) {
      add(now, ReasonKind.WORKSPACE, "workspace_key_prefix changed from " + then.workspaceKeyPrefix().orElse("none")
          + " to " + now.workspaceKeyPrefix().orElse("none") + ": its state moves");
    }
    if (!new TreeSet<>(then.dependsOn()).equals(new TreeSet<>(now.dependsOn()))) {
      add(now, ReasonKind.DEPENDENCIES, "depends_on changed from " + render(then.dependsOn()) + " to " + render(now.dependsOn()));
    }
    if (!then.configDigest().equals(now.configDigest()) && !reasons.containsKey(now.id())) {
      add(now, ReasonKind.CONFIGURATION, "resolved configuration changed (providers, overrides or another section)" + cause);
    }
  }

  private void source(Instance then, Instance now) {
    Optional<VendoredFolder> pinBefore = baseFolders.vendored(now.folder());
    Optional<VendoredFolder> pinAfter = headFolders.vendored(now.folder());
    boolean vendored = pinAfter.isPresent() || pinBefore.isPresent();
    boolean entryChanged = pinAfter.isPresent() && pinBefore.isPresent()
        && (!pinAfter.get().version().equals(pinBefore.get().version())
            || !pinAfter.get().source().equals(pinBefore.get().source()));
    boolean sourceChanged = then.folder().equals(now.folder()) && !then.sourceDigest().equals(now.sourceDigest());
    if (!sourceChanged && !entryChanged) {
      return;
    }
    List<String> changed = filesUnder(now.folder());
    String which = changed.isEmpty() ? "" : " (" + summary(changed) + ")";
    if (!vendored) {
      add(now, ReasonKind.COMPONENT, "component folder " + now.folder() + " changed" + which);
      return;
    }
    StringBuilder text = new StringBuilder("vendored source of ").append(now.folder()).append(" changed");
    if (entryChanged) {
      text.append(" (vendor.yaml: version ").append(pinBefore.get().version().orElse("none")).append(" -> ")
          .append(pinAfter.get().version().orElse("none")).append(')');
    } else {
      text.append(which);
    }
    add(now, ReasonKind.VENDORED, text.toString());
  }

  private List<String> filesUnder(String folder) {
    String prefix = basePath + "/" + folder + "/";
    return files.stream().filter(f -> f.startsWith(prefix)).map(f -> f.substring(prefix.length())).sorted().toList();
  }

  private static String summary(List<String> changed) {
    int shown = Math.min(3, changed.size());
    String names = String.join(", ", changed.subList(0, shown));
    return changed.size() + (changed.size() == 1 ? " file: " : " files: ") + names + (changed.size() > shown ? ", ..." : "");
  }

  private void section(Instance now, ReasonKind kind, String name, Map<String, Object> then, Map<String, Object> current,
      String cause) {
    if (then.equals(current)) {
      return;
    }
    Set<String> keys = new TreeSet<>(then.keySet());
    keys.addAll(current.keySet());
    keys.removeIf(k -> Objects.equals(then.get(k), current.get(k)));
    add(now, kind, "stack." + name + " changed: " + String.join(", ", keys) + cause);
  }

  /** {@code " (import catalog/vpc)"}: the changed imports or stack file the instance is read from. */
  private String cause(Instance instance) {
    List<String> causes = new ArrayList<>();
    for (String file : files) {
      String stripped = file.replaceAll("\\.(yaml|yml)(\\.tmpl)?$", "");
      for (String imported : instance.imports()) {
        if ((stripped.equals(imported) || stripped.endsWith("/" + imported)) && !causes.contains("import " + imported)) {
          causes.add("import " + imported);
        }
      }
      instance.location().map(l -> l.file().replace('\\', '/'))
          .filter(f -> f.equals(file) || file.endsWith("/" + f) || f.endsWith("/" + file))
          .filter(f -> !causes.contains("stack file " + file))
          .ifPresent(f -> causes.add("stack file " + file));
    }
    return causes.isEmpty() ? "" : " (" + String.join(", ", causes) + ")";
  }

  private static String render(List<InstanceId> ids) {
    return ids.isEmpty() ? "nothing" : ids.stream().sorted().map(InstanceId::render).toList().toString();
  }

  // ---------------------------------------------------------------- dependents

  private void dependents(Map<InstanceId, Instance> after) {
    Map<InstanceId, List<Instance>> dependents = new LinkedHashMap<>();
    for (Instance instance : after.values()) {
      for (InstanceId dependency : instance.dependsOn()) {
        dependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(instance);
      }
    }
    Deque<InstanceId> todo = new ArrayDeque<>();
    reasons.keySet().stream().sorted()
        .filter(id -> after.containsKey(id))
        .forEach(todo::add);
    Set<InstanceId> seen = new HashSet<>(todo);
    while (!todo.isEmpty()) {
      InstanceId dependency = todo.removeFirst();
      for (Instance dependent : dependents.getOrDefault(dependency, List.of())) {
        if (!dependent.metadata().enabled()) {
          continue;
        }
        add(dependent, ReasonKind.DEPENDENCY, "depends on " + dependency.render() + ", which is affected");
        if (seen.add(dependent.id())) {
          todo.add(dependent.id());
        }
      }
    }
  }

  private void add(Instance instance, ReasonKind kind, String text) {
    folders.putIfAbsent(instance.id(), instance.folder());
    List<AffectedReason> list = reasons.computeIfAbsent(instance.id(), k -> new ArrayList<>());
    AffectedReason reason = AffectedReason.of(kind, text);
    if (!list.contains(reason)) {
      list.add(reason);
    }
  }
}
