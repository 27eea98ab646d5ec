placeholder: this file of the Atmos project (examples/native-terraform/components/terraform/vpc/main.tf at 0a1cb44) is not copied
sha256 of the original: 9c6c7f3faa44ac7889b5581fbdaac0999fa6e5f75bba84b8ed907e5e3ad95c8c
size of the original: 494 bytes
