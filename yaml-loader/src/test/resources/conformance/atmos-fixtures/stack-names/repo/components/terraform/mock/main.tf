placeholder: this file of the Atmos project (examples/stack-names/components/terraform/mock/main.tf at 0a1cb44) is not copied
sha256 of the original: 98d6d77e31679716dfeded73a1227fe3d885e965f41ff9fff5eff41a0fded17e
size of the original: 55 bytes
