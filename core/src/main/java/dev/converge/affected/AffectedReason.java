package dev.converge.affected;

import org.immutables.value.Value;

/** One reason an instance is affected: its kind and the sentence that says it. */
@Value.Immutable
public interface AffectedReason extends WithAffectedReason {

  @Value.Parameter
  ReasonKind kind();

  /** {@code stack.vars changed: cidr_block (import catalog/vpc)}. */
  @Value.Parameter
  String text();

  static AffectedReason of(ReasonKind kind, String text) {
    return ImmutableAffectedReason.of(kind, text);
  }
}
