placeholder: this file of the Atmos project (tests/fixtures/scenarios/remote-state-backend-type-mismatch/components/terraform/vpc/main.tf at 0a1cb44) is not copied
sha256 of the original: c14f41ebc7382f489144c5319b72c402348b70a15864999ca25010e540226804
size of the original: 55 bytes
