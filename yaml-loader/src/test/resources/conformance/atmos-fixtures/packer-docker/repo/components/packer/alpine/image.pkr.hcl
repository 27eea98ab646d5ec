placeholder: this file of the Atmos project (examples/packer-docker/components/packer/alpine/image.pkr.hcl at 0a1cb44) is not copied
sha256 of the original: b602b742701d561e62417e4f7e18000ddd268a499d1d01ee19af1ceeb3061c66
size of the original: 2587 bytes
