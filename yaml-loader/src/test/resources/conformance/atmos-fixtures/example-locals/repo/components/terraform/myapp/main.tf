placeholder: this file of the Atmos project (examples/locals/components/terraform/myapp/main.tf at 0a1cb44) is not copied
sha256 of the original: 64b211079e5f9770f63265eeed642479d1ca353c5a0062a7c2457609094ef7a8
size of the original: 887 bytes
