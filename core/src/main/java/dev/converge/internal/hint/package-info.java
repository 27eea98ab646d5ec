/**
 * "Did you mean ...?" hints for error messages: shared by lint, the loader and the ledger codec,
 * exported to those modules only.
 */
package dev.converge.internal.hint;
