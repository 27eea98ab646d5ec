placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/dynamodb-table/outputs.tf at 0a1cb44) is not copied
sha256 of the original: c4d75c6a5057ef0c3ae4def8d9f511f0bbcca1ddf7e9ccd0cf26ef948f6d014b
size of the original: 242 bytes
