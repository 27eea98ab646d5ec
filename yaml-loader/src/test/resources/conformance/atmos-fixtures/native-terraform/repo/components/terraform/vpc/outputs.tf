placeholder: this file of the Atmos project (examples/native-terraform/components/terraform/vpc/outputs.tf at 0a1cb44) is not copied
sha256 of the original: c4b60255749931ad7479c8272bc6122640baa520b5328860da9eb6fc2a0dfbd6
size of the original: 194 bytes
