placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/app-config/variables.tf at 0a1cb44) is not copied
sha256 of the original: 38b7f83531bffcc74569ac2ccfacc62e6420a7a3d298d302d774d0691fa1964a
size of the original: 2014 bytes
