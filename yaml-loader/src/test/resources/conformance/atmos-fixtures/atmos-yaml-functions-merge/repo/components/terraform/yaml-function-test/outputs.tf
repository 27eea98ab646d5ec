placeholder: this file of the Atmos project (tests/fixtures/components/terraform/yaml-function-test/outputs.tf at 0a1cb44) is not copied
sha256 of the original: c790eda28898d17df4e1f489540f7dfc7b685de9adab5a9ff5faaf5b9129ff0c
size of the original: 2299 bytes
