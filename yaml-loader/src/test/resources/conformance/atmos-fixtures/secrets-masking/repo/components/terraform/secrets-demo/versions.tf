placeholder: this file of the Atmos project (examples/secrets-masking/components/terraform/secrets-demo/versions.tf at 0a1cb44) is not copied
sha256 of the original: 0328974d1d19427aaa6b8f74cbc1f54cc15de646dca8cff0e1428f52d6dc423a
size of the original: 183 bytes
