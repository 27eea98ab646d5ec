# The VPC: trunk, every environment converges to it.
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
    version  = "vpc-1"
    cidr     = var.cidr_block
    nat      = var.enable_nat_gateway
  }
}

output "id" {
  value = terraform_data.this.id
}
