placeholder: this file of the Atmos project (examples/secrets-masking/components/terraform/secrets-demo/.demo-dev-test-secrets-demo.terraform.lock.hcl at 0a1cb44) is not copied
sha256 of the original: 7eef678302e25bce622d4fa78f5779fad4b646a382457a849c8c03561534d0ca
size of the original: 2173 bytes
