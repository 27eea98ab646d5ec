placeholder: this file of the Atmos project (examples/demo-context/components/terraform/petset/providers.tf at 0a1cb44) is not copied
sha256 of the original: ecf0783c93b12841322728b0efee01c6f2fc329f744186007d982dc274070c9f
size of the original: 23 bytes
