/** The rollout pipeline: environments as a DAG, gates, deployment windows and freezes. */
@ValueStyle
package dev.converge.pipeline;

import dev.converge.internal.value.ValueStyle;
