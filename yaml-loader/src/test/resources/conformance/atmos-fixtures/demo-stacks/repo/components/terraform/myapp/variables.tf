placeholder: this file of the Atmos project (examples/demo-stacks/components/terraform/myapp/variables.tf at 0a1cb44) is not copied
sha256 of the original: 23734d0ea688c898e74aba6f6c0f6e8a36c4912c83adae4124984f557ddaed50
size of the original: 864 bytes
