/** Internal: not part of the API, may change in any release without notice. */
package dev.converge.yaml.internal.merge;
