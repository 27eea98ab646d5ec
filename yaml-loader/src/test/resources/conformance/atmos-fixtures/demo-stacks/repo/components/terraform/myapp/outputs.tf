placeholder: this file of the Atmos project (examples/demo-stacks/components/terraform/myapp/outputs.tf at 0a1cb44) is not copied
sha256 of the original: d9d075904c7e0fc358f586d561106956e41a46180aae325c369ee271c029e5c0
size of the original: 494 bytes
