placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/kms-key/main.tf at 0a1cb44) is not copied
sha256 of the original: 99b0a48304b6623e905bb50b078b07b399a287e594678fd1d1a0cab1df24718e
size of the original: 481 bytes
