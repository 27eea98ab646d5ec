/** Runs terraform or tofu for what a rollout plan says may run now, and reports each outcome. */
@ValueStyle
package dev.converge.runner;

import dev.converge.internal.value.ValueStyle;
