/**
 * The Atmos conformance runner: loads each case's repository with the loader and compares every
 * expected path of its {@code expected.yaml}. A tool beside the loader, not its API: it lives in the
 * loader's tests jar. Point it at any folder of cases in the same format (the system property
 * {@code converge.conformance.dir} in the test suite, or {@code ConformanceRunner DIR} with the tests
 * jar on the class path) to check behaviours of your own.
 */
@ValueStyle
package dev.converge.yaml.conformance;

import dev.converge.internal.value.ValueStyle;
