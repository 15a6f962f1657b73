# PostgreSQL for the event store, tokens, sagas, durable timers (db-scheduler) and the configuration registry: the
# source of truth. Multi-AZ (a synchronous standby in another zone, automatic failover), encrypted, backed up with
# point-in-time recovery, TLS only. Dialtone creates its tables itself (Flyway) on first start.

resource "aws_db_subnet_group" "main" {
  name       = "${var.name}-postgres"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_db_parameter_group" "main" {
  name_prefix = "${var.name}-postgres17-"
  family      = "postgres17"
  description = "Dialtone PostgreSQL 17"

  # No unencrypted connections.
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  # Slow statements show up in the logs (milliseconds).
  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "main" {
  identifier     = "${var.name}-postgres"
  engine         = "postgres"
  engine_version = var.db_engine_version
  instance_class = var.db_instance_class

  db_name  = "dialtone"
  username = "dialtone"
  password = random_password.postgres.result
  port     = 5432

  multi_az               = true
  db_subnet_group_name   = aws_db_subnet_group.main.name
  vpc_security_group_ids = [aws_security_group.postgres.id]
  publicly_accessible    = false
  parameter_group_name   = aws_db_parameter_group.main.name
  ca_cert_identifier     = "rds-ca-rsa2048-g1"

  storage_type          = "gp3"
  allocated_storage     = var.db_allocated_storage_gib
  max_allocated_storage = max(var.db_allocated_storage_gib, var.db_max_allocated_storage_gib)
  storage_encrypted     = true

  backup_retention_period   = var.db_backup_retention_days
  backup_window             = var.db_backup_window
  maintenance_window        = var.db_maintenance_window
  copy_tags_to_snapshot     = true
  delete_automated_backups  = false
  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.name}-postgres-final"

  auto_minor_version_upgrade      = true
  allow_major_version_upgrade     = false
  apply_immediately               = var.db_apply_immediately
  performance_insights_enabled    = var.db_performance_insights
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}
