package dev.converge.pipeline;

import java.util.Arrays;
import java.util.List;
import org.immutables.value.Value;

/** One ordered wave of stacks inside an environment, e.g. the stacks of one region. */
@Value.Immutable
public interface StackWave extends WithStackWave {

  List<StackGlob> globs();

  default boolean matches(String stack) {
    return globs().stream().anyMatch(g -> g.matches(stack));
  }

  static StackWave of(String... globs) {
    return builder().addAllGlobs(Arrays.stream(globs).map(StackGlob::of).toList()).build();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableStackWave.Builder {
    Builder() {}
  }
}
