/** Seeded generators and drivers for property tests of rollout rules. */
module dev.converge.testkit {
  requires transitive dev.converge.core;
  requires org.eclipse.jgit;

  exports dev.converge.testkit;
}
