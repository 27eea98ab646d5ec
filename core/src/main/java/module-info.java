/**
 * Converge core: the model and the pure rollout-planning engine. Start at
 * {@link dev.converge.RolloutPlanner}.
 */
@SuppressWarnings("module") // the qualified export names modules built after this one
module dev.converge.core {
  requires static transitive org.immutables.value.annotations;

  exports dev.converge;
  exports dev.converge.affected;
  exports dev.converge.convergence;
  exports dev.converge.diagnostic;
  exports dev.converge.estate;
  exports dev.converge.forecast;
  exports dev.converge.ledger;
  exports dev.converge.lint;
  exports dev.converge.metrics;
  exports dev.converge.model;
  exports dev.converge.pipeline;
  exports dev.converge.plan;
  exports dev.converge.rollback;

  // the one value style, shared with Converge's own modules only
  exports dev.converge.internal.value to dev.converge.yaml, dev.converge.runner;
  // "did you mean" hints, shared with the loader and the ledger codec
  exports dev.converge.internal.hint to dev.converge.yaml, dev.converge.runner;
}
