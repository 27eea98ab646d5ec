/**
 * Converge's Atmos-compatible YAML loader: reads atmos.yaml, stack manifests, vendor.yaml and
 * rollout.yaml, from the working tree or any git revision, into core's values. Start at
 * {@link dev.converge.yaml.AtmosRepository}.
 */
module dev.converge.yaml {
  requires transitive dev.converge.core;
  requires static org.immutables.value.annotations;
  requires org.snakeyaml.engine;
  requires io.vavr;
  requires org.eclipse.jgit;

  exports dev.converge.yaml;
}
