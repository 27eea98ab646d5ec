/** The rollout plan: actions, waves, gates and what may run next. */
@ValueStyle
package dev.converge.plan;

import dev.converge.internal.value.ValueStyle;
