placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/sqs-queue/variables.tf at 0a1cb44) is not copied
sha256 of the original: 571cfc4ca6e92fcba981ae5e8aefa6b68c32c975735f0f36e604192263129454
size of the original: 1402 bytes
