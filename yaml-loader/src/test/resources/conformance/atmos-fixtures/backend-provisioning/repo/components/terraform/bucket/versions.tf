placeholder: this file of the Atmos project (examples/backend-provisioning/components/terraform/bucket/versions.tf at 0a1cb44) is not copied
sha256 of the original: a12db4c671cd4606ca7cce1ac6b1956edf79fd93e13e1528ae20728a2b70a844
size of the original: 149 bytes
