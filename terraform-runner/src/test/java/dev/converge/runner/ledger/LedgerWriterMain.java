package dev.converge.runner.ledger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A ledger writer in its own process, for the durability ITs: {@code LedgerWriterMain LOCATION COUNT TAG}
 * appends COUNT deployment records (forever when COUNT is negative) to the store LOCATION names (a
 * file's path, {@code git:…}, {@code postgresql://…}), one append each, and prints {@code ok N} after
 * each append has returned (that is, after the store has it). A fourth argument {@code push} makes a
 * git store push to a {@code file://} remote through JGit's transport instead of writing it in place.
 */
public final class LedgerWriterMain {

  private LedgerWriterMain() {}

  public static void main(String[] args) {
    if (args.length > 3 && args[3].equals("push")) {
      GitLedgerStore.pushToLocalRemotes = true;
    }
    LedgerStore ledger = LedgerStore.open(args[0]);
    long count = Long.parseLong(args[1]);
    int tag = Integer.parseInt(args[2]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (long i = 0; count < 0 || i < count; i++) {
      ledger.append(Records.deployment(tag * 1_000_000 + (int) i));
      out.println("ok " + (i + 1));
    }
  }
}
