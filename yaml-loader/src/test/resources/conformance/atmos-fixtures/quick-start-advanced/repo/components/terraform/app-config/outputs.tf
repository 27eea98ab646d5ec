placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/app-config/outputs.tf at 0a1cb44) is not copied
sha256 of the original: 3cd6c461f64c8a7829f47c3b5b6ea138dfe639bf95d01b0b60735e8929aaf3c0
size of the original: 485 bytes
