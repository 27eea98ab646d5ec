placeholder: this file of the Atmos project (examples/terraform-tests/components/terraform/app/tests/ignores_test_vars.tftest.hcl at 0a1cb44) is not copied
sha256 of the original: 453dd4c18a753d4015990cd455aeca724d123327acc24110dede3d077c4d4d20
size of the original: 432 bytes
