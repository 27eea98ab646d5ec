placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/sqs-queue/main.tf at 0a1cb44) is not copied
sha256 of the original: 8454dca4993ef6d7792f1a3e17dafdb467867fc7b966f49d8b681b19ecaa73fd
size of the original: 1240 bytes
