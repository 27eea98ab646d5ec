placeholder: this file of the Atmos project (examples/secrets-masking/components/terraform/secrets-demo/variables.tf at 0a1cb44) is not copied
sha256 of the original: c10f8ddcc4ddb20a1a604e73d2a2e6f38f257cbcba342422a0ac8cd078742a10
size of the original: 1340 bytes
