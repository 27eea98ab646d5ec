package dev.converge.runner.ledger;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.diagnostic.SourceLocation;
import java.util.List;

/**
 * Copies a ledger from one store to another ({@code converge ledger copy FROM TO}): the same lines,
 * text for text, in the same order, so the chain is the same chain. The source must verify intact;
 * the target must be empty or hold a beginning of the source (a copy that stopped half way resumes);
 * the copy is one atomic batch, and the target is verified and compared with the source afterwards.
 */
public final class LedgerCopy {

  static final String RULE = "ledger-copy";

  private LedgerCopy() {}

  /** What a copy did. */
  public record Result(int records, int alreadyThere, int copied) {}

  /**
   * Copies {@code from} into {@code to}.
   *
   * @throws ConvergeException when the source's chain is broken, the target holds other records,
   *     or the target does not verify or read back as the source after the copy
   */
  public static Result copy(LedgerStore from, LedgerStore to) {
    LedgerVerification source = from.verify();
    if (!source.isIntact()) {
      throw new ConvergeException(source.problems().stream().filter(Problem::isError).toList());
    }
    LedgerContents contents = from.read();
    if (contents.hasErrors()) {
      throw new ConvergeException(contents.problems().stream().filter(Problem::isError).toList());
    }
    List<String> lines = contents.lines().stream().map(LedgerLine::text).toList();
    List<String> present = to.read().lines().stream().map(LedgerLine::text).toList();
    int mismatch = firstDifference(lines, present);
    if (mismatch >= 0) {
      throw new ConvergeException(List.of(problem(to.location(),
          "record " + (mismatch + 1) + " of " + to.location() + " differs from record " + (mismatch + 1) + " of "
              + from.location() + (present.size() > lines.size() ? ", or it holds more records" : "")
              + ": the target holds another ledger",
          "copy into an empty store, or into one that holds a beginning of the source")));
    }
    to.appendExact(present.size(), lines.subList(present.size(), lines.size()));
    LedgerVerification target = to.verify();
    if (!target.isIntact()) {
      throw new ConvergeException(target.problems().stream().filter(Problem::isError).toList());
    }
    List<String> copied = to.read().lines().stream().map(LedgerLine::text).toList();
    if (copied.size() < lines.size() || !copied.subList(0, lines.size()).equals(lines)) {
      throw new ConvergeException(List.of(problem(to.location(),
          to.location() + " does not read back as " + from.location() + " after the copy", "copy again")));
    }
    return new Result(lines.size(), present.size(), lines.size() - present.size());
  }

  /** The first index where {@code present} is not a beginning of {@code lines}; -1 when it is. */
  private static int firstDifference(List<String> lines, List<String> present) {
    for (int i = 0; i < present.size(); i++) {
      if (i >= lines.size() || !lines.get(i).equals(present.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static Problem problem(String where, String message, String fix) {
    return Problem.builder().rule(RULE).severity(Severity.ERROR).message(message)
        .location(SourceLocation.ofFile(where)).fix(fix).build();
  }
}
