placeholder: this file of the Atmos project (examples/quick-start-advanced/stacks/schemas/opa/s3-bucket/validate-s3-bucket-component.rego at 0a1cb44) is not copied
sha256 of the original: cb992e9ec5e17aa7077c18bd07b524a5b63ad2e885d14e407d0ddb2d7bdff7c4
size of the original: 962 bytes
