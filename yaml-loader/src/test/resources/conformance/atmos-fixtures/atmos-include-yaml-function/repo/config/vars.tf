instance_type = "t3.micro"
region        = "us-west-2"
