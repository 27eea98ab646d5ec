placeholder: this file of the Atmos project (examples/terraform-tests/components/terraform/vpc/versions.tf at 0a1cb44) is not copied
sha256 of the original: 124588d4137dedd5143a2f754cf31b8502e5a7926834f287c636eac24f00d4fe
size of the original: 149 bytes
