placeholder: this file of the Atmos project (examples/emulator-aws/components/terraform/bucket/variables.tf at 0a1cb44) is not copied
sha256 of the original: 660f61c8b300e0117a44047db7ae04cb607800c7a62c88f4dd85276ecf0fc30f
size of the original: 94 bytes
