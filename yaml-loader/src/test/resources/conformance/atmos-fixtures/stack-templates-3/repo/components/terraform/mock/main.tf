placeholder: this file of the Atmos project (tests/fixtures/scenarios/stack-templates-3/components/terraform/mock/main.tf at 0a1cb44) is not copied
sha256 of the original: 61e8ba6d00d6fb4db77c1e10d11d426cb7a7c0ab858e8010722589032e35173f
size of the original: 278 bytes
