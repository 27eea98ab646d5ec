placeholder: this file of the Atmos project (examples/demo-context/components/terraform/petset/main.tf at 0a1cb44) is not copied
sha256 of the original: 7fb577c160f5ff9c9839b909f99c08e7d57cc72c68b293226c58228b6dcd79fa
size of the original: 479 bytes
