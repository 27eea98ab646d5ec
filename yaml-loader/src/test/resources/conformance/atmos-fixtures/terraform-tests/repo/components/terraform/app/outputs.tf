placeholder: this file of the Atmos project (examples/terraform-tests/components/terraform/app/outputs.tf at 0a1cb44) is not copied
sha256 of the original: dfdbd0bc91bd1b4039af7308a4d3eff42927458ad4410e1d559f03e4c089cafc
size of the original: 800 bytes
