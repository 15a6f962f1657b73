# DocumentDB (MongoDB-compatible) for the read models. They are disposable, rebuilt from the event store with
# POST /api/v1/admin/projections/rebuild, but a rebuild takes time, so the cluster still has a replica in another
# zone and backups. Dialtone's projections use single-document upserts only (no transactions, no change streams).
# The connection string (in Secrets Manager) carries what DocumentDB needs: tls=true, replicaSet=rs0,
# retryWrites=false (DocumentDB has no retryable writes).

resource "aws_docdb_subnet_group" "main" {
  name       = "${var.name}-docdb"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_docdb_cluster_parameter_group" "main" {
  name_prefix = "${var.name}-docdb5-"
  family      = "docdb5.0"
  description = "Dialtone DocumentDB 5.0: TLS required"

  parameter {
    name  = "tls"
    value = "enabled"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_docdb_cluster" "main" {
  cluster_identifier = "${var.name}-docdb"
  engine             = "docdb"
  engine_version     = var.docdb_engine_version
  master_username    = "dialtone"
  master_password    = random_password.docdb.result
  port               = 27017

  db_subnet_group_name            = aws_docdb_subnet_group.main.name
  vpc_security_group_ids          = [aws_security_group.docdb.id]
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.main.name

  storage_encrypted            = true
  backup_retention_period      = var.db_backup_retention_days
  preferred_backup_window      = var.db_backup_window
  preferred_maintenance_window = var.db_maintenance_window
  deletion_protection          = var.deletion_protection
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${var.name}-docdb-final"
  apply_immediately            = var.db_apply_immediately
}

resource "aws_docdb_cluster_instance" "main" {
  count = var.docdb_instance_count

  identifier         = "${var.name}-docdb-${count.index}"
  cluster_identifier = aws_docdb_cluster.main.id
  instance_class     = var.docdb_instance_class
  ca_cert_identifier = "rds-ca-rsa2048-g1"

  auto_minor_version_upgrade = true
  apply_immediately          = var.db_apply_immediately
}
