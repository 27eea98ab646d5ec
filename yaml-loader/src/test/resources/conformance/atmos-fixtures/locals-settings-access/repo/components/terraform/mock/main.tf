placeholder: this file of the Atmos project (tests/fixtures/scenarios/locals-settings-access/components/terraform/mock/main.tf at 0a1cb44) is not copied
sha256 of the original: c7a98d271721a6ef1a461e9edb887839546abbf32f67053fffabf6f48402250d
size of the original: 316 bytes
