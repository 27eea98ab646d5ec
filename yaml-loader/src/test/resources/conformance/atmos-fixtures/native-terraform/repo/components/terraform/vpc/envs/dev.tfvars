cidr_block           = "10.0.0.0/16"
environment          = "dev"
enable_dns_hostnames = true

tags = {
  Environment = "Development"
  Team        = "platform"
}
