placeholder: this file of the Atmos project (examples/terraform-tests/components/terraform/app/tests/app.tftest.hcl at 0a1cb44) is not copied
sha256 of the original: 104f07c849db4558e78a0c25f88106e0a7d1f61f298693fb200e5ed52e74ff4a
size of the original: 2680 bytes
