placeholder: this file of the Atmos project (examples/backend-provisioning/components/terraform/bucket/.terraform.lock.hcl at 0a1cb44) is not copied
sha256 of the original: 1ad00c8e9c70c1267cf2fd19042f19cf3fda64d99a8acf7f086873a4270b5dfb
size of the original: 1483 bytes
