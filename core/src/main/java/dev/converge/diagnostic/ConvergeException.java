package dev.converge.diagnostic;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one exception Converge's public boundary throws for bad input. It carries every problem that
 * was found, not only the first, so a user fixes them all in one pass.
 */
public class ConvergeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ConvergeException(List<Problem> problems) {
    super(summary(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order found. */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    String heading = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return heading + ":\n" + problems.stream().map(p -> "  " + p.render()).collect(Collectors.joining("\n"));
  }
}
