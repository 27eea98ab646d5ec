placeholder: this file of the Atmos project (examples/quick-start-simple/components/terraform/weather/variables.tf at 0a1cb44) is not copied
sha256 of the original: e8a805ebcb0d22e4f08bf00de44f173aab8a4ad865a9eed4771677beaf159018
size of the original: 699 bytes
