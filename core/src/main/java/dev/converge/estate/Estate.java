package dev.converge.estate;

import dev.converge.internal.version.Versions;
import dev.converge.model.ComponentFolder;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderClassifier;
import dev.converge.model.FolderInventory;
import dev.converge.model.FolderKind;
import dev.converge.model.Instance;
import dev.converge.model.VendoredFolder;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The estate of one desired state, navigable: stacks by name and by environment, components by
 * name, release tracks in promotion order, pins. Built once in one pass over the instances (plus
 * the folder inventory); every lookup afterwards is a map access. Pure, like the engine.
 *
 * <pre>{@code
 * Estate estate = Estate.of(desired, pipeline, classifier, folders);
 * for (Stack stack : estate.stacksOf("prod")) { ... }
 * estate.component("vpc").ifPresent(c -> c.folders().forEach(f -> System.out.println(f.path() + " " + f.kind())));
 * estate.pins().stream().filter(p -> p.versionsBehind() > 0).forEach(...);
 * }</pre>
 */
public final class Estate {

  private final DesiredState desired;
  private final Map<String, Stack> stacks;
  private final Map<String, List<Stack>> byEnvironment;
  private final Map<String, Component> components;
  private final List<Track> tracks;
  private final List<Pin> pins;

  private Estate(DesiredState desired, Map<String, Stack> stacks, Map<String, List<Stack>> byEnvironment,
      Map<String, Component> components, List<Track> tracks, List<Pin> pins) {
    this.desired = desired;
    this.stacks = stacks;
    this.byEnvironment = byEnvironment;
    this.components = components;
    this.tracks = tracks;
    this.pins = pins;
  }

  /**
   * Builds the views. {@code classifier} names folder kinds as the repository does (its release
   * tracks and vendor targets: see {@code FolderClassifier#withTracks}); {@code folders} is the
   * repository's folder inventory (the folders that exist and vendor.yaml's pins).
   */
  public static Estate of(DesiredState desired, Pipeline pipeline, FolderClassifier classifier, FolderInventory folders) {
    Map<String, ComponentFolder> classified = new HashMap<>();
    Map<String, List<Instance>> instancesByStack = new TreeMap<>();
    Map<String, List<Instance>> instancesByComponent = new TreeMap<>();
    for (Instance instance : desired.instances()) {
      instancesByStack.computeIfAbsent(instance.stack(), k -> new ArrayList<>()).add(instance);
      instancesByComponent.computeIfAbsent(instance.component(), k -> new ArrayList<>()).add(instance);
      classified.computeIfAbsent(instance.folder(), classifier::classify);
    }
    for (String folder : folders.folders()) {
      classified.computeIfAbsent(folder, classifier::classify);
    }

    Map<String, Stack> stacks = new LinkedHashMap<>();
    Map<String, List<Stack>> byEnvironment = new LinkedHashMap<>();
    pipeline.order().forEach(e -> byEnvironment.put(e.name(), new ArrayList<>()));
    for (Map.Entry<String, List<Instance>> entry : instancesByStack.entrySet()) {
      List<Instance> instances = entry.getValue();
      instances.sort(Comparator.comparing(Instance::component));
      Optional<String> environment = firstInOrder(pipeline, pipeline.environmentsOf(entry.getKey()));
      Stack stack = Stack.builder().name(entry.getKey())
          .manifest(instances.stream().flatMap(i -> i.manifest().stream()).findFirst())
          .environment(environment).addAllInstances(instances).build();
      stacks.put(stack.name(), stack);
      environment.ifPresent(e -> byEnvironment.get(e).add(stack));
    }

    Map<String, Component> components = new LinkedHashMap<>();
    for (Map.Entry<String, List<Instance>> entry : instancesByComponent.entrySet()) {
      List<Instance> instances = entry.getValue();
      instances.sort(Comparator.comparing(Instance::stack));
      TreeSet<String> paths = new TreeSet<>();
      instances.forEach(i -> paths.add(i.folder()));
      List<ComponentFolder> used = paths.stream().map(classified::get).toList();
      String trunk = used.stream().filter(ComponentFolder::isTrunk).map(ComponentFolder::path).findFirst()
          .orElse(used.get(0).base());
      components.put(entry.getKey(), Component.builder().name(entry.getKey())
          .type(instances.get(0).componentType()).trunkFolder(trunk).addAllFolders(used)
          .addAllInstances(instances).build());
    }

    return new Estate(desired, stacks, byEnvironment, components, tracks(pipeline, classified),
        pins(desired, folders, classified));
  }

  private static Optional<String> firstInOrder(Pipeline pipeline, List<Environment> matching) {
    if (matching.isEmpty()) {
      return Optional.empty();
    }
    return pipeline.order().stream().filter(matching::contains).map(Environment::name).findFirst();
  }

  private static List<Track> tracks(Pipeline pipeline, Map<String, ComponentFolder> classified) {
    List<String> names = pipeline.tracks();
    List<Track> result = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      List<ComponentFolder> on = classified.values().stream()
          .filter(f -> f.kind() == FolderKind.RELEASE_TRACK && f.track().filter(name::equals).isPresent())
          .sorted(Comparator.comparing(ComponentFolder::path)).toList();
      result.add(Track.builder().name(name).order(i).addAllFolders(on)
          .promotesTo(i + 1 < names.size() ? Optional.of(names.get(i + 1)) : Optional.empty()).build());
    }
    return List.copyOf(result);
  }

  private static List<Pin> pins(DesiredState desired, FolderInventory folders, Map<String, ComponentFolder> classified) {
    Map<String, TreeSet<String>> stacksByFolder = new HashMap<>();
    Map<String, String> digestByFolder = new HashMap<>();
    for (Instance instance : desired.instances()) {
      stacksByFolder.computeIfAbsent(instance.folder(), k -> new TreeSet<>()).add(instance.stack());
      digestByFolder.putIfAbsent(instance.folder(), instance.sourceDigest());
    }
    Map<String, List<ComponentFolder>> pinsByBase = new TreeMap<>();
    classified.values().stream().filter(f -> f.kind() == FolderKind.STRICT_PIN)
        .forEach(f -> pinsByBase.computeIfAbsent(f.base(), k -> new ArrayList<>()).add(f));
    List<Pin> result = new ArrayList<>();
    for (List<ComponentFolder> sameBase : pinsByBase.values()) {
      sameBase.sort(Comparator.comparing((ComponentFolder f) -> f.version().orElse(""), Versions::compare)
          .thenComparing(ComponentFolder::path));
      for (int i = 0; i < sameBase.size(); i++) {
        ComponentFolder folder = sameBase.get(i);
        Optional<VendoredFolder> vendored = folders.vendored(folder.path());
        String trunkDigest = digestByFolder.get(folder.base());
        String ownDigest = digestByFolder.get(folder.path());
        List<String> newer = new ArrayList<>();
        // as convergence and lint count them: only versions with an order (a commit id has none)
        if (folder.version().filter(Versions::isOrdered).isPresent()) {
          for (ComponentFolder other : sameBase.subList(i + 1, sameBase.size())) {
            if (other.version().filter(Versions::isOrdered).isPresent()
                && Versions.compare(other.version().get(), folder.version().get()) > 0) {
              newer.add(other.version().get());
            }
          }
        }
        result.add(Pin.builder()
            .folder(folder.path()).base(folder.base())
            .version(folder.version().or(() -> vendored.flatMap(VendoredFolder::version)))
            .where(vendored.isPresent() ? Pin.Where.VENDOR_YAML : Pin.Where.FOLDER_NAME)
            .source(vendored.flatMap(VendoredFolder::source))
            .location(vendored.flatMap(VendoredFolder::location))
            .addAllStacks(stacksByFolder.getOrDefault(folder.path(), new TreeSet<>()))
            .differsFromTrunk(trunkDigest == null || ownDigest == null
                ? Optional.empty() : Optional.of(!trunkDigest.equals(ownDigest)))
            .addAllNewerVersions(newer)
            .build());
      }
    }
    result.sort(Comparator.comparing(Pin::folder));
    return List.copyOf(result);
  }

  /** The desired state it views. */
  public DesiredState desired() {
    return desired;
  }

  /** Every stack, in name order. */
  public List<Stack> stacks() {
    return List.copyOf(stacks.values());
  }

  public Optional<Stack> stack(String name) {
    return Optional.ofNullable(stacks.get(name));
  }

  /** The stacks that fall in {@code environment} (the first environment whose globs match them), in name order. */
  public List<Stack> stacksOf(String environment) {
    return List.copyOf(byEnvironment.getOrDefault(environment, List.of()));
  }

  /** Every component, in name order. */
  public List<Component> components() {
    return List.copyOf(components.values());
  }

  public Optional<Component> component(String name) {
    return Optional.ofNullable(components.get(name));
  }

  /** The release tracks of rollout.yaml, in promotion order. */
  public List<Track> tracks() {
    return tracks;
  }

  public Optional<Track> track(String name) {
    return tracks.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Every strict pin the instances run or the repository holds, in folder order. */
  public List<Pin> pins() {
    return pins;
  }
}
