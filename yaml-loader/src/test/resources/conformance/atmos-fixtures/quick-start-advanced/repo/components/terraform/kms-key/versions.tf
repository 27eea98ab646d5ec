placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/kms-key/versions.tf at 0a1cb44) is not copied
sha256 of the original: 3dda7be517726fc42e62bc3d1a32a4d2cc1627314401e378788c963d44bf37f9
size of the original: 149 bytes
