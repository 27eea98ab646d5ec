placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/sqs-queue/outputs.tf at 0a1cb44) is not copied
sha256 of the original: a2b952f154b879f2c50b804fdc348ae10efbb54785764422edd8ef19113f6e2d
size of the original: 223 bytes
