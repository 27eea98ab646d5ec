placeholder: this file of the Atmos project (examples/sops-secrets/components/terraform/api/main.tf at 0a1cb44) is not copied
sha256 of the original: 3b853c7e0bfed663af68e2fff3184c53ad05870c68fa25c33785c9903242c470
size of the original: 292 bytes
