package dev.converge.model;

import dev.converge.diagnostic.SourceLocation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A value a stack computes from the outside world, written as an Atmos YAML function that
 * Converge does not evaluate when it loads: {@code !terraform.output vpc vpc_id},
 * {@code !store ssm prod/vpc id}, {@code !secret ...}, {@code !aws.account_id}, {@code !exec ...}
 * (unless enabled), {@code !repo-root} and {@code !cwd} (which name folders of the machine that
 * runs the component, not of the one that plans it), and a Go template that calls
 * {@code atmos.Component} or {@code atmos.Store} (Terraform outputs, a store).
 *
 * <p>It stands in the component's values where the function was written, so a plan still sees
 * every key; it is digested by its text, {@code function + " " + arguments}, exactly as the
 * string Atmos keeps before it evaluates the function, so a changed expression is a changed
 * configuration and a ledger written before deferred values existed compares equal. An embedder
 * or the runner resolves it later; equality ignores where it was written.
 */
@Value.Immutable
public interface DeferredValue extends WithDeferredValue {

  /**
   * The YAML function with its {@code !} ({@code !terraform.output}), or the template function a
   * string calls ({@code atmos.Component}, whose argument is then the whole template).
   */
  @Value.Parameter
  String function();

  /** What follows the function's name, trimmed; empty when it takes none. */
  @Value.Parameter
  String arguments();

  /** Where the function was written, when known. */
  @Value.Auxiliary
  Optional<SourceLocation> location();

  static DeferredValue of(String function, String arguments) {
    return ImmutableDeferredValue.of(function, arguments);
  }

  @Value.Check
  default void check() {
    if (function().isBlank() || function().chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("function (" + function() + ") must be a function's name such as !env");
    }
  }

  /** The function as it was written: {@code !terraform.output vpc vpc_id}. */
  default String text() {
    return arguments().isEmpty() ? function() : function() + " " + arguments();
  }
}
