placeholder: this file of the Atmos project (examples/demo-stacks/components/terraform/myapp/versions.tf at 0a1cb44) is not copied
sha256 of the original: 9d7ecdc3083803e642b98ceffcdbb12d63a342ac57afdc2ab4303c0d17d856d6
size of the original: 230 bytes
