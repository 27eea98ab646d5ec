placeholder: this file of the Atmos project (tests/fixtures/scenarios/locals-env-test/components/terraform/mock/main.tf at 0a1cb44) is not copied
sha256 of the original: 3a72d311e48e53e48191fd127e0e7cab76a2d10b79813b0b496f5a37ea6c79fb
size of the original: 366 bytes
