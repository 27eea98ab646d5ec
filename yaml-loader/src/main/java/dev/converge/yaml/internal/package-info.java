/**
 * Internal machinery of the YAML loader: YAML reading with marks, the Atmos deep merge, stack and
 * component resolution, git and directory source trees. Not part of the API: it may change in any
 * release without notice.
 */
package dev.converge.yaml.internal;
