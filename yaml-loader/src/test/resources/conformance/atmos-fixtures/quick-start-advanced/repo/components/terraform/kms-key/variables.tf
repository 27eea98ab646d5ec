placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/kms-key/variables.tf at 0a1cb44) is not copied
sha256 of the original: 9a1e3e09387a14f3559b499e865df6c5c85f71d463401bc4cbd68f91d4d659ce
size of the original: 1372 bytes
