/** Internal: the Immutables style of the loader's values. Not part of the API. */
package dev.converge.yaml.internal.value;
