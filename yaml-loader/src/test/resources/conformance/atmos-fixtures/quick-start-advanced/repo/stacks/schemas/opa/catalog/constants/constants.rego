placeholder: this file of the Atmos project (examples/quick-start-advanced/stacks/schemas/opa/catalog/constants/constants.rego at 0a1cb44) is not copied
sha256 of the original: 55f282472347f21105e88702faf59355a9cfc9694360b116ef86fda9c9bc01c4
size of the original: 421 bytes
