placeholder: this file of the Atmos project (tests/fixtures/components/terraform/yaml-function-test/main.tf at 0a1cb44) is not copied
sha256 of the original: 3bb80fd9c3ac4d24b412fbf5cc19e7e56fc5bbaaad4fadbfeaf8f3c68f843098
size of the original: 475 bytes
