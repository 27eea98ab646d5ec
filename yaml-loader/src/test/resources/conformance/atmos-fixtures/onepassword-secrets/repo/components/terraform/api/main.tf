placeholder: this file of the Atmos project (examples/onepassword-secrets/components/terraform/api/main.tf at 0a1cb44) is not copied
sha256 of the original: bf7c5c91b69bf1bda533af23287d6af0eb2e7b3644acef81c4bc77b16851e7b7
size of the original: 243 bytes
