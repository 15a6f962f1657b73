# Everything secret lives in Secrets Manager and reaches the container as an ECS secret (an environment variable the
# ECS agent fills at start; never in the task definition). Terraform writes the values: the generated ones (database
# passwords, API keys) and the integrations' secrets given as sensitive variables. Each reference names the secret's
# version, so a changed value makes a new task definition and a rolling deployment, with no restart by hand.

resource "random_password" "postgres" {
  length  = 40
  special = false
}

# DocumentDB refuses '/', '"' and '@' in passwords, and the password goes into a URI: letters and digits only.
resource "random_password" "docdb" {
  length  = 40
  special = false
}

resource "random_password" "api_key" {
  for_each = var.api_keys

  length  = 48
  special = false
}

resource "aws_secretsmanager_secret" "postgres_password" {
  name                    = "${var.name}/postgres-password"
  description             = "Password of Dialtone's PostgreSQL user (SPRING_DATASOURCE_PASSWORD)"
  recovery_window_in_days = var.secret_recovery_window_days
}

resource "aws_secretsmanager_secret_version" "postgres_password" {
  secret_id     = aws_secretsmanager_secret.postgres_password.id
  secret_string = random_password.postgres.result
}

resource "aws_secretsmanager_secret" "mongodb_uri" {
  name                    = "${var.name}/mongodb-uri"
  description             = "Connection string of the DocumentDB cluster holding Dialtone's read models (DIALTONE_MONGODB_URI)"
  recovery_window_in_days = var.secret_recovery_window_days
}

resource "aws_secretsmanager_secret_version" "mongodb_uri" {
  secret_id     = aws_secretsmanager_secret.mongodb_uri.id
  secret_string = local.mongodb_uri
}

resource "aws_secretsmanager_secret" "api_key" {
  for_each = var.api_keys

  name                    = "${var.name}/api-keys/${each.key}"
  description             = "Dialtone API key '${each.key}': tenant ${each.value.tenant}, role ${each.value.role}"
  recovery_window_in_days = var.secret_recovery_window_days
}

resource "aws_secretsmanager_secret_version" "api_key" {
  for_each = var.api_keys

  secret_id     = aws_secretsmanager_secret.api_key[each.key].id
  secret_string = random_password.api_key[each.key].result
}

resource "aws_secretsmanager_secret" "integration" {
  for_each = local.integration_secret_names

  name                    = "${var.name}/${lower(replace(each.key, "_", "-"))}"
  description             = "Dialtone integration secret, given to the container as ${each.key}"
  recovery_window_in_days = var.secret_recovery_window_days
}

resource "aws_secretsmanager_secret_version" "integration" {
  for_each = local.integration_secret_names

  secret_id     = aws_secretsmanager_secret.integration[each.key].id
  secret_string = local.integration_secret_values[each.key]
}

locals {
  # Container variable name -> "<secret ARN>:<json key>:<version stage>:<version id>" (ECS's valueFrom format).
  container_secrets = merge(
    {
      SPRING_DATASOURCE_PASSWORD = "${aws_secretsmanager_secret.postgres_password.arn}:::${aws_secretsmanager_secret_version.postgres_password.version_id}"
      DIALTONE_MONGODB_URI       = "${aws_secretsmanager_secret.mongodb_uri.arn}:::${aws_secretsmanager_secret_version.mongodb_uri.version_id}"
    },
    {
      for index, label in local.api_key_labels :
      "DIALTONE_APIKEYS_${index}_KEY" => "${aws_secretsmanager_secret.api_key[label].arn}:::${aws_secretsmanager_secret_version.api_key[label].version_id}"
    },
    {
      for env_name in local.integration_secret_names :
      env_name => "${aws_secretsmanager_secret.integration[env_name].arn}:::${aws_secretsmanager_secret_version.integration[env_name].version_id}"
    }
  )

  secret_arns = concat(
    [aws_secretsmanager_secret.postgres_password.arn, aws_secretsmanager_secret.mongodb_uri.arn],
    [for secret in aws_secretsmanager_secret.api_key : secret.arn],
    [for secret in aws_secretsmanager_secret.integration : secret.arn]
  )
}
