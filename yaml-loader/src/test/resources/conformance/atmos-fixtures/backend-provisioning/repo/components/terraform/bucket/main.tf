placeholder: this file of the Atmos project (examples/backend-provisioning/components/terraform/bucket/main.tf at 0a1cb44) is not copied
sha256 of the original: 8f727f3e1b3add67e55abb93eada2616b728595a893f4f6ea4a56b4c0e3fd68c
size of the original: 141 bytes
