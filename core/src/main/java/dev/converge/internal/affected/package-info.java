/** Internal: the comparison behind affected. Not an API; may change without notice. */
package dev.converge.internal.affected;
