placeholder: this file of the Atmos project (examples/demo-context/components/terraform/petset/versions.tf at 0a1cb44) is not copied
sha256 of the original: 49b53f68017d7f6d362e110f5b661c91de1d56b2a7c22db1eac2751bfcd881b2
size of the original: 157 bytes
