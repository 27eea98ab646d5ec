/** Internal: the convergence classification. Not an API; may change without notice. */
package dev.converge.internal.convergence;
