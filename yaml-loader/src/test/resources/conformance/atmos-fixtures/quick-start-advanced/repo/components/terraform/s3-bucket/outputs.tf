placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/s3-bucket/outputs.tf at 0a1cb44) is not copied
sha256 of the original: 5e759ce1891a913ffdc76b50a8612c5a65ffae55bda662f0ae8ba255655ecbff
size of the original: 225 bytes
