placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/sns-topic/variables.tf at 0a1cb44) is not copied
sha256 of the original: 7ef9568006b26e12285ba014e1dd6aa57160a51ab90b0c5d63a9163c1b1bb44a
size of the original: 1049 bytes
