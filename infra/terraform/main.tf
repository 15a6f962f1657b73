# Names and values shared by the other files.

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_partition" "current" {}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, var.az_count)

  # What clients use: webhooks, links in pages and Slack cards, Twilio's signature base.
  public_base_url = "https://${var.domain_name}"

  # Dialtone's JDBC URL. verify-full checks the RDS certificate against the truststore the start-up container builds
  # (DefaultJavaSSLFactory reads the JVM's truststore; pgjdbc's own factory would look for ~/.postgresql/root.crt).
  # reWriteBatchedInserts makes pgjdbc send a batch as multi-row INSERTs: 15-40% faster ingestion (DESIGN.md).
  jdbc_url = format(
    "jdbc:postgresql://%s:%d/%s?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory&reWriteBatchedInserts=true",
    aws_db_instance.main.address, aws_db_instance.main.port, aws_db_instance.main.db_name
  )

  # DocumentDB needs TLS (CA from the truststore), speaks to the replica set as a whole so a failover is followed,
  # and has no retryable writes. Projection updates are single-document upserts, so no transactions are needed.
  mongodb_uri = format(
    "mongodb://%s:%s@%s:%d/?tls=true&replicaSet=rs0&readPreference=primary&retryWrites=false",
    aws_docdb_cluster.main.master_username, random_password.docdb.result,
    aws_docdb_cluster.main.endpoint, aws_docdb_cluster.main.port
  )

  # API keys in a fixed order: dialtone.api-keys[i] is the i-th label in alphabetical order.
  api_key_labels = sort(keys(var.api_keys))

  # Optional third-party secrets: only those given become secrets and container variables.
  integration_secret_values = {
    DIALTONE_PAGERDUTY_WEBHOOKSECRET = var.pagerduty_webhook_secret
    DIALTONE_SLACK_BOTTOKEN          = var.slack_bot_token
    DIALTONE_SLACK_SIGNINGSECRET     = var.slack_signing_secret
  }
  integration_secret_names = toset([
    for env_name, value in local.integration_secret_values : env_name if nonsensitive(value != "")
  ])
}
