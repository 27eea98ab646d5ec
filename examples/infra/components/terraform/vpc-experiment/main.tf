# The VPC experiment: IPv6 dual stack, pinned in dev only.
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

variable "cidr_block" {
  type    = string
  default = "10.0.0.0/16"
}

variable "enable_nat_gateway" {
  type    = bool
  default = false
}

resource "terraform_data" "this" {
  input = {
    name     = var.name
    settings = var.settings
    version  = "vpc-experiment-ipv6"
    cidr     = var.cidr_block
    nat      = var.enable_nat_gateway
  }
}

output "id" {
  value = terraform_data.this.id
}
