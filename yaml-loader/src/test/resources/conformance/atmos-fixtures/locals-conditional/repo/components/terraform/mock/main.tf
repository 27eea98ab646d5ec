placeholder: this file of the Atmos project (tests/fixtures/scenarios/locals-conditional/components/terraform/mock/main.tf at 0a1cb44) is not copied
sha256 of the original: 866f82682ba54e695f142c631359a6f78542afe53d0cdc1e2e94a87231610962
size of the original: 186 bytes
