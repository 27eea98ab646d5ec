placeholder: this file of the Atmos project (tests/fixtures/scenarios/locals-logical-names/components/terraform/mock/main.tf at 0a1cb44) is not copied
sha256 of the original: f0a3d8685fe199f76852e414f751459484ebd4c4dfdf5d601bbc62398602386c
size of the original: 169 bytes
