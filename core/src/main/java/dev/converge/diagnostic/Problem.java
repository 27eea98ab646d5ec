package dev.converge.diagnostic;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something wrong in the user's input, as data: which rule found it, how serious it is, what and
 * where it is, and what to do about it.
 */
@Value.Immutable
public interface Problem extends WithProblem {

  /** The stable kebab-case id of the rule, e.g. {@code dependency-cycle}. */
  String rule();

  Severity severity();

  /** A sentence naming what is wrong, and where (stack, component) when it applies. */
  String message();

  Optional<SourceLocation> location();

  /** What the user can do to fix it. */
  Optional<String> fix();

  Optional<String> stack();

  Optional<String> component();

  default boolean isError() {
    return severity() == Severity.ERROR;
  }

  /** One line for people: {@code error dependency-cycle: ... (at file:1:2) fix: ...}. */
  default String render() {
    StringBuilder text = new StringBuilder()
        .append(severity().word()).append(' ').append(rule()).append(": ").append(message());
    location().ifPresent(l -> text.append(" (at ").append(l.render()).append(')'));
    fix().ifPresent(f -> text.append(" Fix: ").append(f));
    return text.toString();
  }

  static Problem error(String rule, String message) {
    return builder().rule(rule).severity(Severity.ERROR).message(message).build();
  }

  static Problem warning(String rule, String message) {
    return builder().rule(rule).severity(Severity.WARNING).message(message).build();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableProblem.Builder {
    Builder() {}
  }
}
