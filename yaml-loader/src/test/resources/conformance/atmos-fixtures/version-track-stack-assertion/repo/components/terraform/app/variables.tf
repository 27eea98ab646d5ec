placeholder: this file of the Atmos project (tests/fixtures/scenarios/version-track-stack-assertion/components/terraform/app/variables.tf at 0a1cb44) is not copied
sha256 of the original: 8ea39763f91bf14983443a5aee958fdaa29e4735ec4c1031cc7fca732f6bde49
size of the original: 241 bytes
