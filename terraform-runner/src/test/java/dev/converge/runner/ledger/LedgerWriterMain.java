package dev.converge.runner.ledger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A ledger writer in its own process, for the durability ITs: {@code LedgerWriterMain FILE COUNT TAG}
 * appends COUNT deployment records (forever when COUNT is negative), one append each, and prints
 * {@code ok N} after each append has returned (that is, after it is on disk).
 */
public final class LedgerWriterMain {

  private LedgerWriterMain() {}

  public static void main(String[] args) {
    LedgerFile ledger = LedgerFile.at(Path.of(args[0]));
    long count = Long.parseLong(args[1]);
    int tag = Integer.parseInt(args[2]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (long i = 0; count < 0 || i < count; i++) {
      ledger.append(Records.deployment(tag * 1_000_000 + (int) i));
      out.println("ok " + (i + 1));
    }
  }
}
