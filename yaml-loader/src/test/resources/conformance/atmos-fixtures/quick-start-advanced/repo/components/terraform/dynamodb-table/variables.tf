placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/dynamodb-table/variables.tf at 0a1cb44) is not copied
sha256 of the original: ac8d122e82fbb8bb433d0d2de9506de77910c775bc1dd535055d3d8adf4f798a
size of the original: 1403 bytes
