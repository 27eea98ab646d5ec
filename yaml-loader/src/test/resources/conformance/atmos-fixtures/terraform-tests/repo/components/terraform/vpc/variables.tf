placeholder: this file of the Atmos project (examples/terraform-tests/components/terraform/vpc/variables.tf at 0a1cb44) is not copied
sha256 of the original: f9d77912e4005a0c5f7b6c01e89b8aa2c7543d82477ff54d2679d8d0093da8f4
size of the original: 537 bytes
