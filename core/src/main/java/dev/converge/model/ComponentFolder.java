package dev.converge.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Terraform root module folder under the components base path, classified: {@code vpc},
 * {@code database/v2}, {@code beta/vpc}, {@code vpc/1.2.3}, {@code vpc-experiment}, {@code vpc-hotfix}.
 */
@Value.Immutable
public interface ComponentFolder extends WithComponentFolder {

  /** The path relative to the components base path, with {@code /} separators. */
  String path();

  FolderKind kind();

  /** The trunk folder this one diverges from: {@code vpc} for {@code beta/vpc} or {@code vpc-hotfix}. */
  String base();

  /** The version of a folder version or strict pin ({@code v2}, {@code 1.2.3}, {@code abc123d}). */
  Optional<String> version();

  /** The release track of a release-track folder ({@code beta}). */
  Optional<String> track();

  default boolean isTrunk() {
    return kind() == FolderKind.TRUNK;
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableComponentFolder.Builder {
    Builder() {}
  }
}
