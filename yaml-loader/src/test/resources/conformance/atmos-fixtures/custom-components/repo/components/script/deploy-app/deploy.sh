placeholder: this file of the Atmos project (examples/custom-components/components/script/deploy-app/deploy.sh at 0a1cb44) is not copied
sha256 of the original: 5933c5342dde889c361453069a52752338ec62c2c96761a80397934ab02d2d88
size of the original: 493 bytes
