package dev.converge.ledger;

import java.time.Instant;

/**
 * One line of the ledger. Every record says when it happened; its {@link #type()} is the word the
 * ledger file uses ({@code deployment}, {@code check}, {@code approval}, {@code hold},
 * {@code release}, {@code bad}, {@code drift}).
 */
public interface LedgerRecord {

  Instant at();

  String type();
}
