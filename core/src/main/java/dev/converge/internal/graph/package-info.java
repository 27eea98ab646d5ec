/** Internal: graph algorithms shared by lint and affected. Not an API; may change without notice. */
package dev.converge.internal.graph;
