placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/kms-key/outputs.tf at 0a1cb44) is not copied
sha256 of the original: ebe3d096074598be7ecbf736463cd3219a6836c01a4ea20a83330762767db05b
size of the original: 354 bytes
