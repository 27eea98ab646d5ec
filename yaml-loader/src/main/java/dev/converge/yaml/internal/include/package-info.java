/**
 * Internal: Atmos's {@code !include} and {@code !include.raw} YAML functions, resolved while a file
 * is read (YAML, JSON, HCL {@code .tfvars}, dotenv, text; a query into the result). Not part of the
 * API, may change in any release without notice.
 */
package dev.converge.yaml.internal.include;
