/**
 * Converge's Terraform runner and ledger file: runs {@code terraform} or {@code tofu} for what a
 * rollout plan says may run now ({@link dev.converge.runner.TerraformRunner}), and keeps the ledger
 * as hash-chained JSON Lines in a store a location names ({@link dev.converge.runner.ledger.LedgerStore}:
 * a file, a git ref, a PostgreSQL table).
 */
module dev.converge.runner {
  requires transitive dev.converge.core;
  requires static org.immutables.value.annotations;
  requires com.fasterxml.jackson.databind;
  requires io.vavr;
  requires org.slf4j;
  requires org.eclipse.jgit;
  requires java.sql;
  requires org.postgresql.jdbc;

  exports dev.converge.runner;
  exports dev.converge.runner.ledger;
}
