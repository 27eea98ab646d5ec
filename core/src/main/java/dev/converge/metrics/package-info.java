/**
 * Delivery metrics from the ledger over a period: deployment frequency, change failure rate and
 * time to restore per environment. Pure: the period is given, never read from a clock. Start at
 * {@link dev.converge.metrics.DeliveryMetrics#of}.
 */
@ValueStyle
package dev.converge.metrics;

import dev.converge.internal.value.ValueStyle;
