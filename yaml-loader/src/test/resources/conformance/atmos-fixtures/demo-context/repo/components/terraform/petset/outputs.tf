placeholder: this file of the Atmos project (examples/demo-context/components/terraform/petset/outputs.tf at 0a1cb44) is not copied
sha256 of the original: eb6ce515c5a09e88a0f5c774869ee4530d577a1471efa5a464ecdd0f712d910d
size of the original: 490 bytes
