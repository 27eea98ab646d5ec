package dev.converge.yaml.internal.problem;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.diagnostic.SourceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Collects the problems of one load, in the order found, so that all of them are reported together.
 * Errors and warnings travel in the same list; {@link #throwIfErrors()} raises the one documented
 * exception when any error was found.
 */
public final class Problems {

  private final List<Problem> all = new ArrayList<>();
  private final java.util.Set<Problem> seen = new java.util.HashSet<>();
  /** While {@link #recording} runs: every problem added, an equal one known before or not. */
  private List<Problem> recording;

  public void error(String rule, String message, SourceLocation location, String fix) {
    add(Severity.ERROR, rule, message, location, fix);
  }

  public void warning(String rule, String message, SourceLocation location, String fix) {
    add(Severity.WARNING, rule, message, location, fix);
  }

  public void add(Severity severity, String rule, String message, SourceLocation location, String fix) {
    Problem.Builder b = Problem.builder().rule(rule).severity(severity).message(message);
    if (location != null) {
      b.location(location);
    }
    if (fix != null) {
      b.fix(fix);
    }
    add(b.build());
  }

  /** Adds {@code problem} unless an equal one (same rule, message and place) is already known. */
  public void add(Problem problem) {
    if (recording != null) {
      recording.add(problem);
    }
    if (seen.add(problem)) {
      all.add(problem);
    }
  }

  public void addAll(Collection<Problem> problems) {
    problems.forEach(this::add);
  }

  /**
   * The problems found since the last drain, in order; they are forgotten here but stay known, so
   * an equal problem found later is still left out.
   */
  public List<Problem> drain() {
    List<Problem> found = List.copyOf(all);
    all.clear();
    return found;
  }

  /**
   * What {@code work} gives, with every problem it added appended to {@code added} in order,
   * including those left out here because an equal one was known: adding them all again elsewhere
   * reports what {@code work} reported.
   */
  public <T> T recording(List<Problem> added, java.util.function.Supplier<T> work) {
    List<Problem> outer = recording;
    recording = new ArrayList<>();
    try {
      return work.get();
    } finally {
      added.addAll(recording);
      if (outer != null) {
        outer.addAll(recording);
      }
      recording = outer;
    }
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Problem::isError);
  }

  public int size() {
    return all.size();
  }

  public List<Problem> all() {
    return List.copyOf(all);
  }

  public List<Problem> warnings() {
    return all.stream().filter(p -> !p.isError()).toList();
  }

  public Optional<Problem> firstError() {
    return all.stream().filter(Problem::isError).findFirst();
  }

  /** Throws one {@link ConvergeException} carrying every problem found when any is an error. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new ConvergeException(all);
    }
  }
}
