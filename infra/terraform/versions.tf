# Terraform and provider versions. The state holds generated passwords and the secrets given as variables: keep it in
# an encrypted, access-controlled backend (see README.md, "State").
terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = merge(var.tags, {
      Application = "dialtone"
      Deployment  = var.name
      ManagedBy   = "terraform"
    })
  }
}
