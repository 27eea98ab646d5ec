placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/kms-key/providers.tf at 0a1cb44) is not copied
sha256 of the original: eed131cef3c4c4cb5003ae3737df8e5cd8729b173908a6a5f66182152e3b4935
size of the original: 477 bytes
