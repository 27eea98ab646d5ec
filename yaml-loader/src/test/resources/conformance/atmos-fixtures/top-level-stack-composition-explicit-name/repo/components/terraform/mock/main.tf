placeholder: this file of the Atmos project (tests/fixtures/scenarios/top-level-stack-composition-explicit-name/components/terraform/mock/main.tf at 0a1cb44) is not copied
sha256 of the original: f0cfa723fcd0618af8bf564467c22706265a7db4047012d87ecd6faee3c31fd8
size of the original: 36 bytes
