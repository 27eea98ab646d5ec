placeholder: this file of the Atmos project (examples/stack-names/components/terraform/mock/outputs.tf at 0a1cb44) is not copied
sha256 of the original: 0cb42b7c6a43df9d8e06d935da935eb567a52c41765a69d2cc61d4fb42929ae2
size of the original: 185 bytes
