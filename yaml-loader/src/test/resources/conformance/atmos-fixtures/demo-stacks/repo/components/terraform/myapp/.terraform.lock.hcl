placeholder: this file of the Atmos project (examples/demo-stacks/components/terraform/myapp/.terraform.lock.hcl at 0a1cb44) is not copied
sha256 of the original: 4f6dad9c0a92f7982cecf727b7f09f1c7337a25a5bf8305abe3e0e447cbc9a00
size of the original: 2846 bytes
