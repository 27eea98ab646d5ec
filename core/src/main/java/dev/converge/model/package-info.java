/** Desired state: revisions, instances, component folders and their kinds, stacks. */
@ValueStyle
package dev.converge.model;

import dev.converge.internal.value.ValueStyle;
