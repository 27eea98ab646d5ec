# EKS cluster: trunk.
# Built-in resources only: a real `terraform plan` accepts it without cloud credentials.

terraform {
  required_version = ">= 1.4.0"
}

variable "name" {
  type        = string
  description = "Name of the deployment"
}

variable "settings" {
  type        = map(string)
  description = "Environment-specific settings"
  default     = {}
}

resource "terraform_data" "this" {
  input = {
    name     = var.name
    settings = var.settings
    version  = "eks-1"
  }
}

output "id" {
  value = terraform_data.this.id
}
