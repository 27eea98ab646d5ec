package dev.converge.runner;

import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.plan.Action;
import dev.converge.plan.ActionKind;
import dev.converge.plan.EnvironmentPlan;
import dev.converge.plan.Gate;
import dev.converge.plan.GateState;
import dev.converge.plan.RolloutPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-data builders for instances, actions and plans with sensible defaults. */
public final class Fixtures {

  public static final String REVISION = "abc1234";
  public static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

  private Fixtures() {}

  public static Instance.Builder instance(String stack, String component) {
    Instance.Builder builder = Instance.builder();
    builder.id(InstanceId.of(stack, component))
        .folder(component)
        .sourceDigest("src-" + component)
        .configDigest("cfg-" + stack.replace('/', '-') + "-" + component)
        .putVar("name", component)
        .putVar("cidr_block", "10.0.0.0/16")
        .backendType("local")
        .putBackend("path", "terraform.tfstate");
    return builder;
  }

  public static Action action(String environment, Instance instance, ActionKind kind) {
    return Action.builder()
        .environment(environment)
        .instance(instance.id())
        .folder(instance.folder())
        .kind(kind)
        .wave(1)
        .toRevision(REVISION)
        .addReason("test")
        .build();
  }

  public static DesiredState desired(Instance... instances) {
    return DesiredState.builder().revision(Revision.of(REVISION)).addAllInstances(List.of(instances)).build();
  }

  /** A plan whose {@code next} is the given change actions, and whose environments list every action. */
  public static RolloutPlan plan(Action... actions) {
    Map<String, List<Action>> byEnvironment = new LinkedHashMap<>();
    for (Action action : actions) {
      byEnvironment.computeIfAbsent(action.environment(), e -> new ArrayList<>()).add(action);
    }
    RolloutPlan.Builder plan = RolloutPlan.builder().revision(REVISION).at(AT);
    byEnvironment.forEach((name, list) -> plan.addEnvironment(EnvironmentPlan.builder()
        .name(name)
        .gate(Gate.builder().state(GateState.OPEN).build())
        .addAllActions(list)
        .build()));
    for (Action action : actions) {
      if (action.kind().isChange()) {
        plan.addNext(action);
      }
    }
    return plan.build();
  }
}
