placeholder: this file of the Atmos project (examples/quick-start-simple/components/terraform/weather/main.tf at 0a1cb44) is not copied
sha256 of the original: 66cd3a7bab30cbd67a91807dd2ed9207e28e309d678961f5b41ff3a7b1bce2bb
size of the original: 713 bytes
