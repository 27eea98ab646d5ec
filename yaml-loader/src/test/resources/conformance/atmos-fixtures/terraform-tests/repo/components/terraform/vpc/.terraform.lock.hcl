placeholder: this file of the Atmos project (examples/terraform-tests/components/terraform/vpc/.terraform.lock.hcl at 0a1cb44) is not copied
sha256 of the original: ea93238c39fe294433c3a8d2cb360152f0dd4f76cafe3a25a810e91d5cac2901
size of the original: 1538 bytes
