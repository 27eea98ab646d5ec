/** The ledger: the append-only record of deployments, checks, approvals, holds and marks. */
@ValueStyle
package dev.converge.ledger;

import dev.converge.internal.value.ValueStyle;
