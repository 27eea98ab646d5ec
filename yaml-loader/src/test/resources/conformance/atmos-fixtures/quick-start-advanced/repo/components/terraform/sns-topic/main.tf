placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/sns-topic/main.tf at 0a1cb44) is not copied
sha256 of the original: ec9866c2aaa4a7586dd44299e28c30cd2e7002bef38038bf200fdfe6051cb147
size of the original: 291 bytes
