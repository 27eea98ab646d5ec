/** Internal: the lint rules. Not an API; may change without notice. */
package dev.converge.internal.lint;
