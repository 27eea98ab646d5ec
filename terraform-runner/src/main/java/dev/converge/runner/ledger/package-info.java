/**
 * The ledger and its stores: JSON Lines records with ids and a SHA-256 hash chain, kept in a file
 * ({@link dev.converge.runner.ledger.LedgerFile}), a git ref
 * ({@link dev.converge.runner.ledger.GitLedgerStore}) or a PostgreSQL table
 * ({@link dev.converge.runner.ledger.PostgresLedgerStore}), behind one
 * {@link dev.converge.runner.ledger.LedgerStore} chosen by a location string.
 */
@ValueStyle
package dev.converge.runner.ledger;

import dev.converge.internal.value.ValueStyle;
