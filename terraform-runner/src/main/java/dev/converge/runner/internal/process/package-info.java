/** Internal: launching, streaming, timing out and killing process trees. Not an API; may change without notice. */
package dev.converge.runner.internal.process;
