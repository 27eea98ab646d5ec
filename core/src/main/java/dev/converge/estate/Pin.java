package dev.converge.estate;

import dev.converge.diagnostic.SourceLocation;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A strict pin: a folder that runs one exact version of a component ({@code vpc/1.2.3}, a vendored
 * {@code critical-service-v1.2.3}), where it is pinned, and how far behind it is.
 */
@Value.Immutable
public interface Pin extends WithPin {

  /** Where a pin is declared. */
  enum Where {
    /** In the folder's name ({@code vpc/1.2.3}). */
    FOLDER_NAME,
    /** In {@code vendor.yaml} (the folder is a vendor target). */
    VENDOR_YAML
  }

  /** The component folder it pins, relative to the components base path. */
  String folder();

  /** The trunk folder it diverges from ({@code vpc}). */
  String base();

  /** The pinned version ({@code 1.2.3}, {@code v1.2.3}, a commit id); empty when nothing names one. */
  Optional<String> version();

  Where where();

  /** The vendored source, for a vendor.yaml pin. */
  Optional<String> source();

  /** Where vendor.yaml declares it. */
  @Value.Auxiliary
  Optional<SourceLocation> location();

  /** The stacks whose instances run it, in order. */
  List<String> stacks();

  /**
   * Whether its source differs from the trunk folder's (compared by source digest); empty when no
   * instance runs the trunk folder, so there is nothing to compare with.
   */
  Optional<Boolean> differsFromTrunk();

  /** Newer pinned versions of the same base the estate holds ({@code vpc/1.3.0} for {@code vpc/1.2.3}), oldest first. */
  List<String> newerVersions();

  /** How many pinned versions it is behind the newest the estate holds. */
  default int versionsBehind() {
    return newerVersions().size();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutablePin.Builder {
    Builder() {}
  }
}
