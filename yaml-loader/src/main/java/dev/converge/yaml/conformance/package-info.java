/**
 * The Atmos conformance runner: loads each case's repository with the loader and compares every
 * expected path of its {@code expected.yaml}. Point it at any folder of cases in the same format
 * ({@code java dev.converge.yaml.conformance.ConformanceRunner DIR}, or the system property
 * {@code converge.conformance.dir} in the test suite) to check behaviours of your own.
 */
@ValueStyle
package dev.converge.yaml.conformance;

import dev.converge.internal.value.ValueStyle;
