package dev.converge.model;

import dev.converge.diagnostic.SourceLocation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A value a stack computes from the outside world, written as an Atmos YAML function that
 * Converge does not evaluate when it loads: {@code !terraform.output vpc vpc_id},
 * {@code !store ssm prod/vpc id}, {@code !secret ...}, {@code !aws.account_id}, {@code !exec ...}
 * (unless enabled), {@code !repo-root} and {@code !cwd} (which name folders of the machine that
 * runs the component, not of the one that plans it).
 *
 * <p>It stands in the component's values where the function was written, so a plan still sees
 * every key; it is digested by its text, {@code function + " " + arguments}, exactly as the
 * string Atmos keeps before it evaluates the function, so a changed expression is a changed
 * configuration and a ledger written before deferred values existed compares equal. An embedder
 * or the runner resolves it later; equality ignores where it was written.
 */
@Value.Immutable
public interface DeferredValue extends WithDeferredValue {

  /** The YAML function with its {@code !}: {@code !terraform.output}. */
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
    if (!function().startsWith("!") || function().length() < 2) {
      throw new IllegalArgumentException("function (" + function() + ") must be a YAML function such as !env");
    }
  }

  /** The function as it was written: {@code !terraform.output vpc vpc_id}. */
  default String text() {
    return arguments().isEmpty() ? function() : function() + " " + arguments();
  }
}
