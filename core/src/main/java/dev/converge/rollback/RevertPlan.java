package dev.converge.rollback;

import dev.converge.affected.AffectedReport;
import dev.converge.plan.RolloutPlan;
import java.util.List;
import org.immutables.value.Value;

/**
 * "Revert commit X and re-run": the instances whose desired state the revert changes, and the order
 * the pipeline rolls them out in. The order comes from planning the reverted state through the same
 * pipeline, gates and all: a revert is a roll-forward to older contents, never a bypass.
 */
@Value.Immutable
public interface RevertPlan extends WithRevertPlan {

  /** The revision being reverted. */
  String reverted();

  /** What the revert changes, against the head it is applied to. */
  AffectedReport changes();

  /** The rollout plan of the reverted state. */
  RolloutPlan plan();

  /**
   * The instances the revert redeploys, by environment (pipeline order), then wave: those of
   * {@link #changes()} that the plan changes. A dependent listed in the changes only because
   * something it depends on changed is redeployed only when its own digests change.
   */
  List<RevertStep> order();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableRevertPlan.Builder {
    Builder() {}
  }
}
