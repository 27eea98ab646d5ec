placeholder: this file of the Atmos project (tests/fixtures/components/terraform/yaml-function-test/variables.tf at 0a1cb44) is not copied
sha256 of the original: 9d4b5cfd9fbdfa406d02200663ea027168dc6867396ce01e3774526be3e51087
size of the original: 2228 bytes
