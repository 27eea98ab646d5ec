/**
 * Convergence and divergence (spec section 4): every component's environments side by side, one
 * class per component, parity of per-environment configuration, and renderings for people (text),
 * pull requests (Markdown) and diagrams (Mermaid). Start at {@link dev.converge.convergence.Convergence}.
 */
@ValueStyle
package dev.converge.convergence;

import dev.converge.internal.value.ValueStyle;
