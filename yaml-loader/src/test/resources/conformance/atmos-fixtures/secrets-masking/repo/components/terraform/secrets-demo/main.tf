placeholder: this file of the Atmos project (examples/secrets-masking/components/terraform/secrets-demo/main.tf at 0a1cb44) is not copied
sha256 of the original: 765d744f9447da80e51d73b5b22739ad6ece1d19b1b2c6c9b73847ea4e32de55
size of the original: 1188 bytes
