placeholder: this file of the Atmos project (examples/demo-context/components/terraform/petset/modules/instance/variables.tf at 0a1cb44) is not copied
sha256 of the original: 259bee7c908c480c85ff7da7ca37969d4538c8c45d5972e3c6cc5900df7ff636
size of the original: 198 bytes
