placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/sns-topic/outputs.tf at 0a1cb44) is not copied
sha256 of the original: fdd00ffd85479a2013ed4532dfeac73abbdf325deba456020d8f9f22dc3def9f
size of the original: 222 bytes
