placeholder: this file of the Atmos project (examples/terraform-tests/components/terraform/app/variables.tf at 0a1cb44) is not copied
sha256 of the original: 22e4a4d1e1e4577c0523cd5f742b5cba0f82d2e5f571dcbcdab60da3c7913672
size of the original: 679 bytes
