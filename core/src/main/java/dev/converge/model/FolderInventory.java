package dev.converge.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What the repository holds under the components base path at a revision: the component folders
 * that exist and the folders {@code vendor.yaml} fills. The loader reads it; the engine only asks
 * it questions, so lint and affected never read files.
 */
@Value.Immutable
public interface FolderInventory extends WithFolderInventory {

  /** Folders that exist, relative to the components base path, with {@code /} separators. */
  Set<String> folders();

  /** Vendor targets, in {@code vendor.yaml} order. */
  List<VendoredFolder> vendored();

  /** Whether {@code folder} exists. */
  default boolean exists(String folder) {
    return folders().contains(folder);
  }

  /** The vendor entry that fills {@code folder}, if any. */
  default Optional<VendoredFolder> vendored(String folder) {
    return vendored().stream().filter(v -> v.folder().equals(folder)).findFirst();
  }

  /** The folders of every vendor entry. */
  default List<String> vendorTargets() {
    return vendored().stream().map(VendoredFolder::folder).toList();
  }

  /** An inventory that knows nothing: no folder checks are made against it. */
  static FolderInventory unknown() {
    return builder().build();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableFolderInventory.Builder {
    Builder() {}
  }
}
