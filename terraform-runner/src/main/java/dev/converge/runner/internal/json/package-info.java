/** Internal: JSON helpers shared by the ledger codec and the runner. Not an API; may change without notice. */
package dev.converge.runner.internal.json;
