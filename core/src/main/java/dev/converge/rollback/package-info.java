/**
 * Rollback (spec section 7): from the ledger, the deployment to return to for an environment and
 * instance; and for "revert commit X on trunk and re-run", the instances that change and the order
 * the same pipeline rolls them out in. Start at {@link dev.converge.rollback.Rollback}.
 */
@ValueStyle
package dev.converge.rollback;

import dev.converge.internal.value.ValueStyle;
