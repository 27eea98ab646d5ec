package dev.converge.yaml;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.estate.Estate;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderClassifier;
import dev.converge.model.FolderInventory;
import dev.converge.model.InstanceId;
import dev.converge.model.VendoredFolder;
import dev.converge.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * Everything one load read from an Atmos repository at one revision (or the working tree).
 *
 * <p>The desired state holds the Terraform instances; {@link #components()} holds every component
 * of every type resolved as {@code atmos describe component} resolves it. Warnings (problems that
 * do not stop the load) travel in {@link #warnings()}.
 */
@Value.Immutable
public interface AtmosSnapshot extends WithAtmosSnapshot {

  DesiredState desiredState();

  /** The pipeline of {@code rollout.yaml}; empty when the repository has none. */
  Optional<Pipeline> pipeline();

  List<VendorPin> vendorPins();

  /** Logical stacks, sorted by name. */
  List<AtmosStack> stacks();

  /** Top-level manifests, sorted by name. */
  List<StackManifest> manifests();

  /** Every component of every stack and type, sorted by stack, then component. */
  List<ResolvedComponent> components();

  List<Problem> warnings();

  /**
   * The folder on disk that every path of this snapshot (manifests, stacks, components, problems)
   * is relative to: the folder the repository was opened at, unless atmos.yaml or its paths lie
   * elsewhere in the repository (then the deepest folder that holds them all; see
   * docs/yaml-loader.md, "Where atmos.yaml is found"). For a revision load, where that folder is
   * in the work tree. Empty for a snapshot not loaded from disk. Not part of equality.
   */
  @Value.Auxiliary
  Optional<Path> folder();

  /**
   * The folder of each component type's component folders ({@code terraform},
   * {@code helmfile}, ...), relative to {@link #folder()}, as atmos.yaml sets them. Not part of
   * equality.
   */
  @Value.Auxiliary
  Map<String, String> componentBasePaths();

  /**
   * The component folders that exist at this revision (those with a source digest) and
   * vendor.yaml's pins: what the engine's convergence, lint and affected compare against.
   */
  @Value.Lazy
  default FolderInventory folderInventory() {
    Set<String> folders = new TreeSet<>();
    for (ResolvedComponent component : components()) {
      if (component.sourceDigest().isPresent()) {
        folders.add(component.folder());
      }
    }
    FolderInventory.Builder inventory = FolderInventory.builder().addAllFolders(folders);
    for (VendorPin pin : vendorPins()) {
      VendoredFolder.Builder vendored = VendoredFolder.builder().folder(pin.folder()).source(pin.source());
      pin.version().ifPresent(vendored::version);
      pin.location().ifPresent(vendored::location);
      inventory.addVendored(vendored.build());
    }
    return inventory.build();
  }

  /** Folder kinds as this repository names them: rollout.yaml's release tracks, vendor.yaml's pins. */
  @Value.Lazy
  default FolderClassifier classifier() {
    return FolderClassifier.defaults()
        .withTracks(pipeline().map(Pipeline::tracks).orElse(List.of()))
        .withVendorTargets(folderInventory().vendorTargets());
  }

  /**
   * The estate to navigate: stacks and their environments, components and their folders, release
   * tracks, pins. Without rollout.yaml no stack falls in an environment and there are no tracks.
   */
  @Value.Lazy
  default Estate estate() {
    return Estate.of(desiredState(), pipeline().orElseGet(() -> Pipeline.builder().build()), classifier(),
        folderInventory());
  }

  default Optional<ResolvedComponent> component(String stack, String component) {
    return components().stream()
        .filter(c -> c.stack().equals(stack) && c.component().equals(component))
        .findFirst();
  }

  default Optional<StackManifest> manifest(String name) {
    return manifests().stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /**
   * The component as {@code describe component C -s S} shows it.
   *
   * @throws ConvergeException naming the stack or component that does not exist, with the closest
   *     existing name
   */
  default ResolvedComponent describeComponent(String component, String stack) {
    Optional<ResolvedComponent> found = component(stack, component);
    if (found.isPresent()) {
      return found.get();
    }
    List<String> stackNames = stacks().stream().map(AtmosStack::name).toList();
    if (!stackNames.contains(stack)) {
      Optional<String> byFile = manifest(stack).flatMap(m -> m.stacks().stream().findFirst());
      String hint = byFile.or(() -> dev.converge.internal.hint.DidYouMean.closest(stack, stackNames))
          .map(s -> " Did you mean `" + s + "`?").orElse("");
      throw new ConvergeException(List.of(Problem.builder().rule("invalid-stack")
          .severity(dev.converge.diagnostic.Severity.ERROR)
          .message("invalid stack: stack " + stack + " not found." + hint)
          .fix("run `converge describe stacks` to see all available stacks").stack(stack).build()));
    }
    List<String> names = new ArrayList<>();
    components().stream().filter(c -> c.stack().equals(stack)).forEach(c -> names.add(c.component()));
    String hint = dev.converge.internal.hint.DidYouMean.closest(component, names)
        .map(s -> " Did you mean `" + s + "`?").orElse("");
    throw new ConvergeException(List.of(Problem.builder().rule("invalid-component")
        .severity(dev.converge.diagnostic.Severity.ERROR)
        .message("invalid component: component " + component + " not found in stack " + stack + "." + hint)
        .fix("components of " + stack + ": " + names).stack(stack).component(component).build()));
  }

  /** The components that depend on {@code target}, in any stack (disabled and abstract ones excluded). */
  default List<ResolvedComponent> dependents(InstanceId target) {
    return components().stream()
        .filter(c -> c.enabled() && !c.isAbstract() && c.dependsOn().contains(target))
        .toList();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableAtmosSnapshot.Builder {
    Builder() {}
  }
}
