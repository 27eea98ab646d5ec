placeholder: this file of the Atmos project (examples/demo-context/components/terraform/petset/modules/instance/outputs.tf at 0a1cb44) is not copied
sha256 of the original: e6b1ac83844c3007d903fe9c1bdd12d02cd97654173001a80f9517fb6067179f
size of the original: 262 bytes
