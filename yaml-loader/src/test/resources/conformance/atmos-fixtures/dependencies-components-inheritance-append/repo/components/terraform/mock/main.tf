placeholder: this file of the Atmos project (tests/fixtures/scenarios/dependencies-components-inheritance-append/components/terraform/mock/main.tf at 0a1cb44) is not copied
sha256 of the original: c0767e663a24bedbd058702f943f0af88c83842c7e0760265c41e7afebcf710f
size of the original: 87 bytes
