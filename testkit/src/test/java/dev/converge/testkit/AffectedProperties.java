package dev.converge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.affected.Affected;
import dev.converge.affected.AffectedInstance;
import dev.converge.affected.AffectedReport;
import dev.converge.affected.ReasonKind;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of affected over generated estates, 200 seeded cases each, the seed in the name. */
class AffectedProperties {

  static final int CASES = 200;

  static Stream<Scenario> scenarios() {
    return ScenarioGenerator.cases(20261203, CASES);
  }

  /** Head: the scenario's state with a seeded random third of the instances changed in source or configuration. */
  static DesiredState head(Scenario s) {
    Random random = new Random(s.seed());
    List<Instance> changed = new ArrayList<>();
    for (Instance i : s.desired().instances()) {
      int roll = random.nextInt(6);
      changed.add(roll == 0 ? i.withSourceDigest(i.sourceDigest() + "-new")
          : roll == 1 ? i.withConfigDigest(i.configDigest() + "-new") : i);
    }
    return DesiredState.builder().revision(Revision.of("head")).addAllInstances(changed).build();
  }

  static AffectedReport affected(Scenario s, DesiredState base, DesiredState head) {
    return Affected.of(s.pipeline()).between(base, head, List.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void between_stateAndItself_nothingAffected(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> assertThat(affected(s, s.desired(), s.desired()).affected()).isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void between_everyInstanceWhoseDigestsDiffer_affected(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      DesiredState head = head(s);
      AffectedReport report = affected(s, s.desired(), head);

      Set<InstanceId> affected = new HashSet<>();
      report.affected().forEach(a -> affected.add(a.instance()));
      for (Instance after : head.instances()) {
        Instance before = s.desired().instance(after.id()).orElseThrow();
        if (!before.sourceDigest().equals(after.sourceDigest()) || !before.configDigest().equals(after.configDigest())) {
          assertThat(affected).as(after.id().render()).contains(after.id());
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void between_affectedOnlyByOwnChangeOrAnAffectedDependency(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      DesiredState head = head(s);
      AffectedReport report = affected(s, s.desired(), head);
      Set<InstanceId> affected = new HashSet<>();
      report.affected().forEach(a -> affected.add(a.instance()));

      for (AffectedInstance a : report.affected()) {
        Instance before = s.desired().instance(a.instance()).orElseThrow();
        Instance after = head.instance(a.instance()).orElseThrow();
        boolean own = !before.equals(after);
        boolean viaDependency = a.has(ReasonKind.DEPENDENCY) && after.dependsOn().stream().anyMatch(affected::contains);
        assertThat(own || viaDependency).as(a.instance().render() + " " + a.reasons()).isTrue();
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void between_permutedInputs_equalReport(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      DesiredState head = head(s);
      Random random = new Random(s.seed() ^ 0x5DEECE66DL);
      List<Instance> shuffledBase = new ArrayList<>(s.desired().instances());
      Collections.shuffle(shuffledBase, random);
      List<Instance> shuffledHead = new ArrayList<>(head.instances());
      Collections.shuffle(shuffledHead, random);

      assertThat(affected(s, s.desired().withInstances(shuffledBase), head.withInstances(shuffledHead)))
          .isEqualTo(affected(s, s.desired(), head));
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void between_removedInstances_deletedAndAddedBack_added(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      Map<Boolean, List<Instance>> split = new HashMap<>();
      Random random = new Random(s.seed());
      s.desired().instances().forEach(i -> split.computeIfAbsent(random.nextInt(4) == 0, k -> new ArrayList<>()).add(i));
      DesiredState smaller = s.desired().withInstances(split.getOrDefault(false, List.of()));

      AffectedReport removed = affected(s, s.desired(), smaller);
      AffectedReport added = affected(s, smaller, s.desired());

      for (Instance gone : split.getOrDefault(true, List.of())) {
        assertThat(removed.instance(gone.id())).as(gone.id().render()).hasValueSatisfying(a -> assertThat(a.has(ReasonKind.DELETED)).isTrue());
        assertThat(added.instance(gone.id())).as(gone.id().render()).hasValueSatisfying(a -> assertThat(a.has(ReasonKind.ADDED)).isTrue());
      }
    });
  }
}
