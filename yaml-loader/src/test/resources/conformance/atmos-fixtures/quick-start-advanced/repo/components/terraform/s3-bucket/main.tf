placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/s3-bucket/main.tf at 0a1cb44) is not copied
sha256 of the original: 3a55185b0e094abead35ec8e1c9f40368f02d53620c361dd08b2fae6f622d033
size of the original: 694 bytes
