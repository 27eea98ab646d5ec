placeholder: this file of the Atmos project (examples/backend-provisioning/components/terraform/bucket/outputs.tf at 0a1cb44) is not copied
sha256 of the original: f99d6016dc606bf27abd611cf498d79fdd61901870a1ce4474ec8d1fe45851b9
size of the original: 236 bytes
