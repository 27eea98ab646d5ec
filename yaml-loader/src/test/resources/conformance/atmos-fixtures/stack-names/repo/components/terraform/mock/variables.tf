placeholder: this file of the Atmos project (examples/stack-names/components/terraform/mock/variables.tf at 0a1cb44) is not copied
sha256 of the original: 814ef2b04012019b227365e08869fce9349f6100d26dc19ee82fd1f5b049e7a7
size of the original: 207 bytes
