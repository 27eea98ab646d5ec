placeholder: this file of the Atmos project (tests/fixtures/scenarios/locals-advanced/components/terraform/mock/main.tf at 0a1cb44) is not copied
sha256 of the original: fa3d5e02ad6fae0f4609329bb6f3ce3b5d252f9294be0fedc8f5fe60947c2a4b
size of the original: 1014 bytes
