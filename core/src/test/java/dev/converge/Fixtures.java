package dev.converge;

import dev.converge.ledger.Approval;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.testing.TestData;
import java.time.Instant;
import java.util.Arrays;

/** Test-data builders with sensible defaults, so a test states only what matters. */
final class Fixtures {

  static final Instant T0 = TestData.T0; // a Thursday

  private Fixtures() {}

  /** An instance whose folder is its component name and whose digests name the version. */
  static Instance instance(String stack, String component, String version) {
    return Instance.builder()
        .id(InstanceId.of(stack, component))
        .folder(component)
        .sourceDigest("src-" + component + "-" + version)
        .configDigest("cfg-" + stack + "-" + component)
        .build();
  }

  static DesiredState desired(String revision, Instance... instances) {
    return DesiredState.builder().revision(Revision.of(revision)).addInstances(instances).build();
  }

  static Environment.Builder env(String name, String... after) {
    return Environment.builder().name(name).addStackGlobs(name + "/*").addAfter(after);
  }

  static Pipeline pipeline(Environment.Builder... environments) {
    return Pipeline.builder()
        .addAllEnvironments(Arrays.stream(environments).map(Environment.Builder::build).toList())
        .build();
  }

  /** The classic three stages: dev, staging after dev, prod after staging. */
  static Pipeline chain() {
    return pipeline(env("dev"), env("staging", "dev"), env("prod", "staging"));
  }

  /** A successful deployment of exactly what {@code instance} describes, at {@code revision}. */
  static Deployment deployed(Instance instance, String revision, Instant at) {
    return TestData.deployed(instance, revision, at);
  }

  static Deployment deployment(Instance instance, String revision, Instant at, Outcome outcome) {
    return TestData.deployment(instance, revision, at, outcome);
  }

  static CheckResult check(String environment, String revision, String check, Outcome outcome, Instant at) {
    return CheckResult.builder()
        .at(at).environment(environment).revision(revision).check(check).outcome(outcome).build();
  }

  static Approval approval(String environment, String revision, String approver, Instant at) {
    return Approval.builder().at(at).environment(environment).revision(revision).approver(approver).build();
  }
}
