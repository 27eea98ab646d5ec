placeholder: this file of the Atmos project (examples/quick-start-advanced/components/terraform/app-config/.plat-uw2-prod-app-config.terraform.lock.hcl at 0a1cb44) is not copied
sha256 of the original: 34d11ba0d089550b6d61001316fa948f8ff2611d9a78511be8027cfec02b8c68
size of the original: 1458 bytes
