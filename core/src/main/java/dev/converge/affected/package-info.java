/**
 * Affected (spec section 6): between the desired states of two revisions, every instance whose
 * deployment changes, in every environment, with all its reasons. Start at
 * {@link dev.converge.affected.Affected}.
 */
@ValueStyle
package dev.converge.affected;

import dev.converge.internal.value.ValueStyle;
