/** Problems in the user's input, as data: rule id, severity, message, location and fix. */
@ValueStyle
package dev.converge.diagnostic;

import dev.converge.internal.value.ValueStyle;
