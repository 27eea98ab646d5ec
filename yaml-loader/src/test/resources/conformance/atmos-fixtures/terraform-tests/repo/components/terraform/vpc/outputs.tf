placeholder: this file of the Atmos project (examples/terraform-tests/components/terraform/vpc/outputs.tf at 0a1cb44) is not copied
sha256 of the original: 316f3445a142c529afac07f519864256c8a15d9f4262c68d91115161e7556662
size of the original: 295 bytes
