package dev.converge.model;

import java.util.Comparator;
import org.immutables.value.Value;

/** One component in one stack: {@code (prod/us-east-1, vpc)}. Ordered by stack, then component. */
@Value.Immutable
public interface InstanceId extends WithInstanceId, Comparable<InstanceId> {

  Comparator<InstanceId> ORDER =
      Comparator.comparing(InstanceId::stack).thenComparing(InstanceId::component);

  @Value.Parameter
  String stack();

  @Value.Parameter
  String component();

  static InstanceId of(String stack, String component) {
    return ImmutableInstanceId.of(stack, component);
  }

  @Value.Check
  default void check() {
    if (stack().isBlank()) {
      throw new IllegalArgumentException("stack must not be blank (component " + component() + ")");
    }
    if (component().isBlank()) {
      throw new IllegalArgumentException("component must not be blank (stack " + stack() + ")");
    }
  }

  @Override
  default int compareTo(InstanceId other) {
    int byStack = stack().compareTo(other.stack()); // ORDER, without its lambdas: plans sort many ids
    return byStack != 0 ? byStack : component().compareTo(other.component());
  }

  /** {@code stack/component}, e.g. {@code prod/us-east-1:vpc}. */
  default String render() {
    return stack() + ":" + component();
  }
}
