placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/app-config/main.tf at 0a1cb44) is not copied
sha256 of the original: 33d75bdf44b7b49079d15dc3c4de699b9dddfcf5a27b6eaa3518e5e7e8829efa
size of the original: 928 bytes
