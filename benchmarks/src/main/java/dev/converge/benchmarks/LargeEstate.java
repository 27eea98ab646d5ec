package dev.converge.benchmarks;

import dev.converge.ledger.Approval;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.pipeline.StackGlob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A large estate for benchmarks: {@code stacks} stacks spread over dev, staging and prod, each with
 * {@code components} components chained by {@code depends_on} in groups of five, and a ledger of
 * four records per instance (older deployments, a current one for a third of them, checks and
 * approvals), so 50,000 instances come with 200,000 records.
 */
final class LargeEstate {

  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  static final String[] ENVIRONMENTS = {"dev", "staging", "prod"};

  final Pipeline pipeline;
  final DesiredState desired;
  final Ledger ledger;

  LargeEstate(int stacks, int components) {
    this.pipeline = Pipeline.builder()
        .addEnvironment(Environment.builder().name("dev").addStack(StackGlob.of("dev/*")).addCheck("smoke").build())
        .addEnvironment(Environment.builder().name("staging").addAfter("dev").addStack(StackGlob.of("staging/*"))
            .soak(Duration.ofMinutes(30)).addCheck("integration").build())
        .addEnvironment(Environment.builder().name("prod").addAfter("staging").addStack(StackGlob.of("prod/*"))
            .soak(Duration.ofHours(2)).approvals(1).maxParallel(20).build())
        .build();

    List<Instance> instances = new ArrayList<>(stacks * components);
    for (int s = 0; s < stacks; s++) {
      String stack = ENVIRONMENTS[s % 3] + "/stack-" + s;
      for (int c = 0; c < components; c++) {
        Instance.Builder instance = Instance.builder()
            .id(InstanceId.of(stack, "component-" + c))
            .folder("component-" + c)
            .sourceDigest("src-" + c + "-new")
            .configDigest("cfg-" + s + "-" + c);
        if (c % 5 != 0) {
          instance.addDependsOn(InstanceId.of(stack, "component-" + (c - 1)));
        }
        instances.add(instance.build());
      }
    }
    this.desired = DesiredState.builder()
        .revision(Revision.of("r3", NOW.minus(Duration.ofHours(1))))
        .addAllInstances(instances)
        .addHistory("r3", "r2", "r1")
        .build();

    List<LedgerRecord> records = new ArrayList<>(instances.size() * 4);
    Instant at = NOW.minus(Duration.ofDays(30));
    int i = 0;
    for (Instance instance : instances) {
      at = at.plusMillis(10);
      records.add(deployment(instance, "r1", "src-old", at));
      records.add(deployment(instance, "r2", "src-old", at.plusMillis(1)));
      boolean current = i % 3 == 0;
      records.add(deployment(instance, current ? "r3" : "r2", current ? instance.sourceDigest() : "src-old", at.plusMillis(2)));
      String environment = ENVIRONMENTS[i / components % 3];
      records.add(i % 2 == 0
          ? CheckResult.builder().at(at.plusMillis(3)).environment(environment).revision("r2").check("smoke")
              .outcome(Outcome.SUCCESS).build()
          : Approval.builder().at(at.plusMillis(3)).environment(environment).revision("r2").approver("ops-" + i % 7).build());
      i++;
    }
    this.ledger = Ledger.of(records);
  }

  private static Deployment deployment(Instance instance, String revision, String source, Instant at) {
    return Deployment.builder()
        .at(at)
        .instance(instance.id())
        .folder(instance.folder())
        .revision(revision)
        .sourceDigest(source)
        .configDigest(instance.configDigest())
        .outcome(Outcome.SUCCESS)
        .actor("ci")
        .build();
  }
}
