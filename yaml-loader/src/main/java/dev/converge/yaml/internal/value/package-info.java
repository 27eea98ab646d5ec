/** Value types the loader shares between its packages. */
package dev.converge.yaml.internal.value;
