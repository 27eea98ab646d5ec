placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/dynamodb-table/main.tf at 0a1cb44) is not copied
sha256 of the original: d0593009455b2b8bcb292be43bc5823e3218c83142688f6e4cb86d4428f5b7f5
size of the original: 344 bytes
