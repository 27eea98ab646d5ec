/**
 * Reads an Atmos repository into Converge's values: {@link dev.converge.yaml.AtmosRepository} opens
 * a repository, and each load (the working tree or any git revision) returns an
 * {@link dev.converge.yaml.AtmosSnapshot} with the desired state, the pipeline of
 * {@code rollout.yaml}, the vendored pins, the stacks and every component resolved as
 * {@code atmos describe component} prints it.
 */
@ValueStyle
package dev.converge.yaml;

import dev.converge.internal.value.ValueStyle;
