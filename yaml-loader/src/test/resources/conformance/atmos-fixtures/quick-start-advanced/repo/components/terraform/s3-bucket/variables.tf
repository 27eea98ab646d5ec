placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/s3-bucket/variables.tf at 0a1cb44) is not copied
sha256 of the original: 44367ff930189b6005497fbc9145d37dec15779861be499d2a10456e2f10eb3e
size of the original: 1313 bytes
