package dev.converge.convergence;

import dev.converge.model.FolderKind;
import dev.converge.model.InstanceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One instance of a component in the matrix: its environment, folder, revisions and state. */
@Value.Immutable
public interface Cell extends WithCell {

  String environment();

  InstanceId instance();

  /** The folder the desired state deploys. */
  String folder();

  FolderKind folderKind();

  /** The revision of the desired state. */
  String desiredRevision();

  /** The revision of the newest successful deployment, if any. */
  Optional<String> deployedRevision();

  /** When the newest successful deployment ran. */
  Optional<Instant> deployedAt();

  CellState state();

  /**
   * The vars this instance sets apart from the component's shared base (see
   * {@link ComponentStatus#sharedVars()}), sorted: per-environment configuration, not divergence.
   */
  List<String> overriddenVars();

  default String stack() {
    return instance().stack();
  }

  default String component() {
    return instance().component();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableCell.Builder {
    Builder() {}
  }
}
