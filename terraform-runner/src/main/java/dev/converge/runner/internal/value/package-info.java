/** Internal: the Immutables style of the runner's value packages. Not an API; may change without notice. */
package dev.converge.runner.internal.value;
