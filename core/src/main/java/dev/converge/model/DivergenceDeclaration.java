package dev.converge.model;

import dev.converge.diagnostic.SourceLocation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A planned divergence: why some environments run another folder than the rest, who owns it, and
 * when it ends. Declared centrally in {@code rollout.yaml} or per instance as
 * {@code settings.divergence}.
 */
@Value.Immutable
public interface DivergenceDeclaration extends WithDivergenceDeclaration {

  /** The component it covers; empty when declared on the instance itself. */
  Optional<String> component();

  /** The environments it covers; empty means every environment. */
  List<String> environments();

  String reason();

  Optional<String> owner();

  /** The date by which the environments converge again. */
  Optional<LocalDate> convergeBy();

  Optional<String> criteria();

  @Value.Auxiliary
  Optional<SourceLocation> location();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableDivergenceDeclaration.Builder {
    Builder() {}
  }
}
