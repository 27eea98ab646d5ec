placeholder: this file of the Atmos project (examples/native-terraform/components/terraform/vpc/variables.tf at 0a1cb44) is not copied
sha256 of the original: 266d0f56403951c44b2bc77678ee98cdf93d3cdcab96c7648f5024e6a7832f99
size of the original: 435 bytes
