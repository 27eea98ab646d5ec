package dev.converge.testing;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Test-data builders for the engine's packages, with sensible defaults so a test states only what
 * matters. Instances deploy the folder named after their component, read from
 * {@code stacks/<stack>.yaml} line 10; digests name the folder and a version.
 */
public final class TestData {

  /** Revision ids as the seed names them. */
  public static final String ABC = "abc1234def";
  public static final String XYZ = "xyz7890abc";
  public static final String OLD = "old4567aaa";

  /** Time 0 of the seed: abc123 merged to main (a Thursday, inside the usual windows). */
  public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private TestData() {}

  /** {@code component} in {@code stack}, deploying the folder named after it, at version 2. */
  public static Instance instance(String stack, String component) {
    return instance(stack, component, component, "2");
  }

  /** {@code component} in {@code stack}, deploying {@code folder} at {@code version}. */
  public static Instance instance(String stack, String component, String folder, String version) {
    return Instance.builder()
        .id(InstanceId.of(stack, component))
        .folder(folder)
        .sourceDigest(source(folder, version))
        .configDigest("cfg-" + stack + "-" + component)
        .location(SourceLocation.of("stacks/" + stack + ".yaml", 10, 7))
        .build();
  }

  public static String source(String folder, String version) {
    return "src-" + folder + "-v" + version;
  }

  /** A desired state at {@link #ABC}, landed at {@link #T0}, with trunk history abc, xyz, old. */
  public static DesiredState desired(Instance... instances) {
    return desired(List.of(instances));
  }

  public static DesiredState desired(List<Instance> instances) {
    return DesiredState.builder()
        .revision(Revision.of(ABC, T0))
        .addAllInstances(instances)
        .addHistory(ABC, XYZ, OLD)
        .build();
  }

  /** The same instance in each stack. */
  public static List<Instance> everywhere(String component, String... stacks) {
    return Arrays.stream(stacks).map(s -> instance(s, component)).toList();
  }

  /** The seed's pipeline: dev (smoke), staging after dev (30m soak, integration), prod after staging (2h soak, 1 approval). */
  public static Pipeline seedPipeline() {
    return Pipeline.builder()
        .addEnvironment(Environment.builder().name("dev").addStackGlobs("dev/*").addCheck("smoke").build())
        .addEnvironment(Environment.builder().name("staging").addStackGlobs("staging/*").addAfter("dev")
            .soak(Duration.ofMinutes(30)).addCheck("integration").build())
        .addEnvironment(Environment.builder().name("prod").addStackGlobs("prod/*").addAfter("staging")
            .soak(Duration.ofHours(2)).approvals(1).build())
        .addProduction("prod")
        .build();
  }

  /** dev, staging after dev, prod after staging, no gates; prod is production. */
  public static Pipeline chain() {
    return Pipeline.builder()
        .addEnvironment(Environment.builder().name("dev").addStackGlobs("dev/*").build())
        .addEnvironment(Environment.builder().name("staging").addStackGlobs("staging/*").addAfter("dev").build())
        .addEnvironment(Environment.builder().name("prod").addStackGlobs("prod/*").addAfter("staging").build())
        .addProduction("prod")
        .build();
  }

  /** A successful deployment of exactly what {@code instance} describes. */
  public static Deployment deployed(Instance instance, String revision, Instant at) {
    return deployment(instance, revision, at, Outcome.SUCCESS);
  }

  public static Deployment deployment(Instance instance, String revision, Instant at, Outcome outcome) {
    return Deployment.builder()
        .at(at)
        .instance(instance.id())
        .folder(instance.folder())
        .revision(revision)
        .sourceDigest(instance.sourceDigest())
        .configDigest(instance.configDigest())
        .outcome(outcome)
        .actor("ci")
        .build();
  }

  public static CheckResult passed(String environment, String revision, String check, Instant at) {
    return CheckResult.builder().at(at).environment(environment).revision(revision).check(check)
        .outcome(Outcome.SUCCESS).build();
  }
}
