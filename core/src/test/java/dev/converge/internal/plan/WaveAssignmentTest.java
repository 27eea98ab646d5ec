package dev.converge.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.pipeline.StackWave;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The wave assignment indexes instances by position for speed; on seeded environments (stacks in
 * stack waves and outside them, dependencies inside the stack, across stacks, across stack waves in
 * both directions and out of the environment, cycles, some instances changed, some destroyed) it
 * gives exactly what the assignment over maps keyed by id gave ({@link MapWaveAssignment}): the
 * same waves, cycles, stuck instances, conflicts and highest wave.
 */
class WaveAssignmentTest {

  @Test
  void seededEnvironments_sameAssignmentAsTheMapBasedOne() {
    int withCycles = 0;
    int withConflicts = 0;
    int withStuck = 0;
    for (int seed = 0; seed < 500; seed++) {
      Random random = new Random(seed);
      int stacks = 1 + random.nextInt(5);
      int perStack = 1 + random.nextInt(8);
      List<InstanceId> ids = new ArrayList<>();
      for (int s = 0; s < stacks; s++) {
        for (int c = 0; c < perStack; c++) {
          ids.add(InstanceId.of("prod/r" + s, "c" + c));
        }
      }
      List<Instance> instances = new ArrayList<>();
      Set<InstanceId> changed = new HashSet<>();
      for (InstanceId id : ids) {
        Instance.Builder instance = Instance.builder().id(id).folder(id.component()).sourceDigest("s").configDigest("c");
        int deps = random.nextInt(4);
        for (int d = 0; d < deps; d++) {
          instance.addDependsOn(random.nextInt(8) == 0 ? InstanceId.of("dev/r0", "c0") // outside the environment
              : ids.get(random.nextInt(ids.size())));
        }
        instances.add(instance.build());
        if (random.nextInt(3) != 0) {
          changed.add(id);
        }
      }
      List<InstanceId> destroys = random.nextBoolean() ? List.of()
          : List.of(InstanceId.of("prod/r" + random.nextInt(stacks + 1), "gone"));
      List<StackWave> waves = switch (random.nextInt(3)) {
        case 0 -> List.of();
        case 1 -> List.of(StackWave.of("prod/r0"), StackWave.of("prod/r1", "prod/r2"));
        default -> List.of(StackWave.of("prod/r1"), StackWave.of("prod/*"));
      };

      boolean[] changedAt = new boolean[instances.size()];
      for (int i = 0; i < changedAt.length; i++) {
        changedAt[i] = changed.contains(instances.get(i).id());
      }
      WaveAssignment actual = WaveAssignment.assign(instances, changedAt, destroys, waves);
      MapWaveAssignment expected = MapWaveAssignment.assign(instances, changed, destroys, waves);

      String at = "seed " + seed;
      assertThat(actual.waves()).as(at).isEqualTo(expected.waves);
      assertThat(actual.cycles).as(at).isEqualTo(expected.cycles);
      assertThat(actual.stuck).as(at).isEqualTo(expected.stuck);
      assertThat(actual.conflicts).as(at).hasSameSizeAs(expected.conflicts);
      for (int i = 0; i < expected.conflicts.size(); i++) {
        assertThat(actual.conflicts.get(i)).as(at).containsExactly(expected.conflicts.get(i));
      }
      assertThat(actual.highest).as(at).isEqualTo(expected.highest);
      withCycles += expected.cycles.isEmpty() ? 0 : 1;
      withConflicts += expected.conflicts.isEmpty() ? 0 : 1;
      withStuck += expected.stuck.isEmpty() ? 0 : 1;
    }
    // the seeds reach every branch: cycles, changed instances behind them, stack-wave conflicts
    assertThat(withCycles).isGreaterThan(50);
    assertThat(withStuck).isGreaterThan(50);
    assertThat(withConflicts).isGreaterThan(50);
  }
}
