placeholder: this file of the Atmos project (examples/terraform-tests/components/terraform/app/versions.tf at 0a1cb44) is not copied
sha256 of the original: 56d16fd473dc6b7776a8a85f135e3aad9cb8f436ed4559833dc419814ba175bd
size of the original: 240 bytes
