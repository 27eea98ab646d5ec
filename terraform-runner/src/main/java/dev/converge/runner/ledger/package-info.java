/** The ledger file: JSON Lines with a SHA-256 hash chain, appended atomically under a file lock. */
@ValueStyle
package dev.converge.runner.ledger;

import dev.converge.internal.value.ValueStyle;
