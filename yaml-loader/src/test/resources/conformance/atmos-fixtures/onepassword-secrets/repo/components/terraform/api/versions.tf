placeholder: this file of the Atmos project (examples/onepassword-secrets/components/terraform/api/versions.tf at 0a1cb44) is not copied
sha256 of the original: 2e3bb35f839c2dbe2c83938d64c31150ed450b2bce79747dd23969b5da7dec92
size of the original: 44 bytes
