/** The order of folder versions and pinned versions, shared by convergence, lint and the estate. */
package dev.converge.internal.version;
