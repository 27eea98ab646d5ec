placeholder: this file of the Atmos project (tests/fixtures/scenarios/cli-config-path/components/terraform/test-component/main.tf at 0a1cb44) is not copied
sha256 of the original: 05fce8b299a46c49fce56d8b1288d50e83f5730046282fcec7b1170adedf5cc2
size of the original: 102 bytes
