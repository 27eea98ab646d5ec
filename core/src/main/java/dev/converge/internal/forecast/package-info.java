/**
 * Internal: the machinery of {@code Forecaster}, a simulation by repeated planning. Not an API; may
 * change without notice.
 */
package dev.converge.internal.forecast;
