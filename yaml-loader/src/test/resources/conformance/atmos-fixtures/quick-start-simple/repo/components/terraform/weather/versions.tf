placeholder: this file of the Atmos project (examples/quick-start-simple/components/terraform/weather/versions.tf at 0a1cb44) is not copied
sha256 of the original: 7aa8ac7b6ae680ea6328e0416d2ca3f346f1092c4559d8538da41c64d3ffac9c
size of the original: 71 bytes
