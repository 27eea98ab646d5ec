placeholder: this file of the Atmos project (tests/fixtures/scenarios/template-env-vars/components/terraform/mock/main.tf at 0a1cb44) is not copied
sha256 of the original: 7df55d4629155dfbebc9a21b7866a3357c7f7d135b1a2cb3a0ef6015eaa7cc54
size of the original: 53 bytes
