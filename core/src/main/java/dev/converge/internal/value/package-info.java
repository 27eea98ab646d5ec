/**
 * Internal: the Immutables style shared by the model packages. Not an API; may change without notice.
 */
package dev.converge.internal.value;
