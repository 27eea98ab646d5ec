placeholder: this file of the Atmos project (tests/fixtures/scenarios/stack-manifest-name-template/components/terraform/mock/main.tf at 0a1cb44) is not copied
sha256 of the original: decdb5392d7d0d8d534e093012bf1a84a22a1363a089736a2a06b7a5c7055acb
size of the original: 171 bytes
