placeholder: this file of the Atmos project (examples/demo-context/components/terraform/petset/modules/instance/main.tf at 0a1cb44) is not copied
sha256 of the original: 6dae9081570056f03eafb127073ed09f2ac218aa1c537646d45e0d8e8af18bb3
size of the original: 694 bytes
