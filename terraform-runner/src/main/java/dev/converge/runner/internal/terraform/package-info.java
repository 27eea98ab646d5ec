/** Internal: Terraform command lines, the files Atmos writes, plan summaries and masking. Not an API; may change without notice. */
package dev.converge.runner.internal.terraform;
