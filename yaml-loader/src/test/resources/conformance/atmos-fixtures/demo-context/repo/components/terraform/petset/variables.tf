placeholder: this file of the Atmos project (examples/demo-context/components/terraform/petset/variables.tf at 0a1cb44) is not copied
sha256 of the original: f18f6f627e432564012125f66e6ff84cb730bb2488a82937ccb219f7161f4ee8
size of the original: 246 bytes
