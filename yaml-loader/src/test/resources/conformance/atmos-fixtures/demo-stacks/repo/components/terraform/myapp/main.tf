placeholder: this file of the Atmos project (examples/demo-stacks/components/terraform/myapp/main.tf at 0a1cb44) is not copied
sha256 of the original: 8b691f19d1c126058874cf528f42b913f467e817a50ccf30ed5c2b1d84d8bc4c
size of the original: 789 bytes
