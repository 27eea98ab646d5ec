placeholder: this file of the Atmos project (examples/terraform-tests/components/terraform/vpc/main.tf at 0a1cb44) is not copied
sha256 of the original: d4ea6f80ac123e465923f2664c68aa3dbba7b53299bc73f371eb1e4b961541cb
size of the original: 387 bytes
