/**
 * The estate as an embedder navigates it: stacks (and the environment each falls in), components
 * (and the folders their instances run), release tracks (and what each promotes to), and pins (and
 * how far behind they are). Views over the desired state, built once with indexed lookups by
 * {@link dev.converge.estate.Estate#of}; instances stay what the planner plans.
 */
@ValueStyle
package dev.converge.estate;

import dev.converge.internal.value.ValueStyle;
