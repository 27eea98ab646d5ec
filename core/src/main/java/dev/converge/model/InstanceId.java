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
    // ORDER, without its lambdas (plans sort many ids), and without comparing a string with itself
    // (the ids of a stack mostly share its name's string)
    String stack = stack();
    int byStack = stack == other.stack() ? 0 : stack.compareTo(other.stack());
    if (byStack != 0) {
      return byStack;
    }
    String component = component();
    return component == other.component() ? 0 : component.compareTo(other.component());
  }

  /** {@code stack/component}, e.g. {@code prod/us-east-1:vpc}. */
  default String render() {
    return stack() + ":" + component();
  }
}
