/**
 * Lint (spec section 5): every rule has a stable kebab-case id, a severity, a message naming the
 * stack and component, the file location, and a fix. Start at {@link dev.converge.lint.Linter};
 * {@link dev.converge.lint.LintRule} lists the rules, as {@code docs/rules.md} does.
 */
@ValueStyle
package dev.converge.lint;

import dev.converge.internal.value.ValueStyle;
