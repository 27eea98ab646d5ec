/**
 * Internal: the machinery of {@code RolloutPlanner}. Not an API; may change without notice.
 */
package dev.converge.internal.plan;
