/**
 * Converge's Terraform runner and ledger file: runs {@code terraform} or {@code tofu} for what a
 * rollout plan says may run now ({@link dev.converge.runner.TerraformRunner}), and keeps the ledger
 * as a hash-chained JSON Lines file ({@link dev.converge.runner.ledger.LedgerFile}).
 */
module dev.converge.runner {
  requires transitive dev.converge.core;
  requires static org.immutables.value.annotations;
  requires com.fasterxml.jackson.databind;
  requires io.vavr;
  requires org.slf4j;

  exports dev.converge.runner;
  exports dev.converge.runner.ledger;
}
