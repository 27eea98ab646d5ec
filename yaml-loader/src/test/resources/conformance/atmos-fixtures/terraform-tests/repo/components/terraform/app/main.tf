placeholder: this file of the Atmos project (examples/terraform-tests/components/terraform/app/main.tf at 0a1cb44) is not copied
sha256 of the original: 78165ab9b05ad764844818394b88425074e571156d3c0ee5d90d0c6c2ea2abed
size of the original: 1127 bytes
