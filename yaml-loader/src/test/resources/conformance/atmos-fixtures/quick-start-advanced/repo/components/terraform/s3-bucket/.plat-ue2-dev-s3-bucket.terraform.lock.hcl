placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/s3-bucket/.plat-ue2-dev-s3-bucket.terraform.lock.hcl at 0a1cb44) is not copied
sha256 of the original: fb7e05e8eadbd81c7c274e65dcb270e23ec8a1d5d13b6c01252f6c675dd61163
size of the original: 1458 bytes
