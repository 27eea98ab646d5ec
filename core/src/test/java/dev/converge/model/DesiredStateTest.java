package dev.converge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DesiredStateTest {

  private static Instance instance(String stack, String component) {
    return Instance.builder().id(InstanceId.of(stack, component)).folder(component).sourceDigest("s")
        .configDigest("c").build();
  }

  private static DesiredState.Builder state() {
    return DesiredState.builder().revision(Revision.of("r1"));
  }

  @Test
  void build_anIdTwice_isRefused_inIdOrderOrNot() {
    Instance vpc = instance("dev", "vpc");
    Instance eks = instance("dev", "eks");

    assertThatThrownBy(() -> state().addInstances(eks, vpc, vpc).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dev:vpc appears twice");
    assertThatThrownBy(() -> state().addInstances(vpc, eks, vpc).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dev:vpc appears twice");
  }

  /** 200 seeds: ids drawn from a small set, in id order or shuffled; refused exactly when one repeats. */
  @Test
  void build_refusesExactlyTheStatesWithARepeatedId() {
    for (long seed = 1; seed <= 200; seed++) {
      Random random = new Random(seed);
      List<Instance> instances = new ArrayList<>();
      for (int i = random.nextInt(12); i > 0; i--) {
        instances.add(instance("s" + random.nextInt(3), "c" + random.nextInt(4)));
      }
      if (random.nextBoolean()) {
        instances.sort((a, b) -> a.id().compareTo(b.id()));
      } else {
        Collections.shuffle(instances, random);
      }
      boolean repeated = instances.stream().map(Instance::id).distinct().count() < instances.size();

      if (repeated) {
        assertThatThrownBy(() -> state().addAllInstances(instances).build()).as("seed %d", seed)
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
      } else {
        assertThat(state().addAllInstances(instances).build().instances()).as("seed %d", seed).hasSize(instances.size());
      }
    }
  }
}
