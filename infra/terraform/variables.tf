# Every input of the deployment. Values without a default must be given (terraform.tfvars, -var, or TF_VAR_*).
# README.md has the same list as a table; infra-check fails the build when a variable is missing there.

# ---------------------------------------------------------------------------------------------------------------------
# Where and what
# ---------------------------------------------------------------------------------------------------------------------

variable "aws_region" {
  description = "AWS region to deploy into, e.g. eu-west-1."
  type        = string
}

variable "name" {
  description = "Name of this deployment; prefixes every resource (e.g. dialtone, dialtone-staging)."
  type        = string
  default     = "dialtone"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,19}$", var.name))
    error_message = "name must be 2-20 lowercase letters, digits or '-', starting with a letter (it prefixes load balancer and database names, which are short)."
  }
}

variable "tags" {
  description = "Extra tags put on every resource."
  type        = map(string)
  default     = {}
}

variable "image" {
  description = "Container image of Dialtone, built with Jib (see README.md), e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/dialtone:0.1.0."
  type        = string

  validation {
    condition     = length(trimspace(var.image)) > 0
    error_message = "image must name the Dialtone container image to run."
  }
}

variable "truststore_image" {
  description = "Image of the start-up container that builds the JVM truststore with the Amazon RDS certificate authorities (needs sh, curl, awk and keytool). Empty means the Dialtone image itself, whose Temurin base has them."
  type        = string
  default     = ""
}

# ---------------------------------------------------------------------------------------------------------------------
# Network and entry point
# ---------------------------------------------------------------------------------------------------------------------

variable "vpc_cidr" {
  description = "Address range of the VPC; split into a public and a private subnet per availability zone."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr))
    error_message = "vpc_cidr must be an IPv4 CIDR block such as 10.40.0.0/16."
  }
}

variable "az_count" {
  description = "Number of availability zones to spread subnets, tasks and databases over."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3: Multi-AZ RDS and the load balancer need at least two zones."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all zones (cheaper) instead of one per zone (outbound pages and Slack messages survive the loss of a zone)."
  type        = bool
  default     = false
}

variable "allowed_ingress_cidrs" {
  description = "Address ranges allowed to reach the load balancer. Voice platforms, PagerDuty and Slack call the webhooks from the internet, so narrowing this needs their published ranges."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "domain_name" {
  description = "Public host name of Dialtone, e.g. dialtone.example.com. Becomes dialtone.public-base-url (https://<domain_name>) and the certificate's name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", var.domain_name))
    error_message = "domain_name must be a lowercase DNS name such as dialtone.example.com (no scheme, no path)."
  }
}

variable "route53_zone_id" {
  description = "Route 53 hosted zone of domain_name. When set, Terraform creates the DNS alias and, unless certificate_arn is given, an ACM certificate validated through DNS. Empty: point the name at the load balancer yourself."
  type        = string
  default     = ""
}

variable "certificate_arn" {
  description = "ARN of an existing ACM certificate for domain_name in aws_region. Empty: one is created and validated in route53_zone_id."
  type        = string
  default     = ""
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

# ---------------------------------------------------------------------------------------------------------------------
# The service
# ---------------------------------------------------------------------------------------------------------------------

variable "task_cpu" {
  description = "CPU units of one Dialtone task (1024 = 1 vCPU)."
  type        = number
  default     = 1024

  validation {
    condition     = contains([512, 1024, 2048, 4096, 8192, 16384], var.task_cpu)
    error_message = "task_cpu must be a Fargate size: 512, 1024, 2048, 4096, 8192 or 16384."
  }
}

variable "task_memory" {
  description = "Memory of one Dialtone task in MiB; the JVM heap takes 75% of it. Must be a valid Fargate combination with task_cpu."
  type        = number
  default     = 2048

  validation {
    condition     = var.task_memory >= 1024
    error_message = "task_memory must be at least 1024 MiB: Dialtone's JVM alone uses about 400 MB."
  }
}

variable "desired_count" {
  description = "Number of Dialtone tasks. Each has its own node id (pid@hostname, and every Fargate task has its own hostname); Axon's processors share the work between them."
  type        = number
  default     = 2

  validation {
    condition     = var.desired_count >= 2 && floor(var.desired_count) == var.desired_count
    error_message = "desired_count must be a whole number of at least 2: one task is a single point of failure for the service that pages everyone else."
  }
}

variable "autoscaling_enabled" {
  description = "Scale the number of tasks on CPU between desired_count and autoscaling_max_count."
  type        = bool
  default     = false
}

variable "autoscaling_max_count" {
  description = "Most tasks autoscaling may run (ignored when autoscaling_enabled is false; never below desired_count)."
  type        = number
  default     = 6
}

variable "autoscaling_cpu_target" {
  description = "Average CPU utilisation (percent) autoscaling keeps the tasks at."
  type        = number
  default     = 60

  validation {
    condition     = var.autoscaling_cpu_target >= 10 && var.autoscaling_cpu_target <= 90
    error_message = "autoscaling_cpu_target must be between 10 and 90 percent."
  }
}

variable "health_check_grace_period_seconds" {
  description = "How long a new task may fail load-balancer health checks while it starts (Flyway migrations, Axon processors)."
  type        = number
  default     = 120
}

variable "container_health_check" {
  description = "Let ECS replace a task whose /actuator/health/liveness stops answering (uses curl inside the image, present in the default Temurin base)."
  type        = bool
  default     = true
}

variable "enable_execute_command" {
  description = "Allow `aws ecs execute-command` into running tasks (for debugging; off in normal operation)."
  type        = bool
  default     = false
}

variable "wait_for_steady_state" {
  description = "Make terraform apply wait until the new tasks are healthy (and fail when the deployment circuit breaker rolls back)."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the application logs."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the retention periods CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "extra_environment" {
  description = "More environment variables for the Dialtone container, for any other property (e.g. DIALTONE_PAGERDUTY_EVENTSURL, LOGGING_LEVEL_DEV_DIALTONE). Not for secrets."
  type        = map(string)
  default     = {}
}

# ---------------------------------------------------------------------------------------------------------------------
# API keys and integrations (secrets end up in Secrets Manager and are injected into the container)
# ---------------------------------------------------------------------------------------------------------------------

variable "api_keys" {
  description = "API keys to generate, by a label of your choice: each a tenant (slug) and a role (ingest, operator or reader). The keys are random, kept in Secrets Manager and given to Dialtone as dialtone.api-keys[i]; with an external database Dialtone refuses to start without one."
  type = map(object({
    tenant = string
    role   = string
  }))

  validation {
    condition     = length(var.api_keys) > 0
    error_message = "api_keys needs at least one key: Dialtone refuses to start on an external database without one."
  }
  validation {
    condition     = alltrue([for k in values(var.api_keys) : contains(["ingest", "operator", "reader"], k.role)])
    error_message = "Each api_keys role must be ingest, operator or reader."
  }
  validation {
    condition     = alltrue([for k in values(var.api_keys) : can(regex("^[a-z0-9]+(-[a-z0-9]+)*$", k.tenant))])
    error_message = "Each api_keys tenant must be a slug: lowercase letters and digits, separated by single '-'."
  }
  validation {
    condition     = alltrue([for label in keys(var.api_keys) : can(regex("^[a-z0-9][a-z0-9-]{0,40}$", label))])
    error_message = "api_keys labels must be up to 41 lowercase letters, digits or '-' (they name the secrets)."
  }
}

variable "pagerduty_webhook_secret" {
  description = "Secret of the PagerDuty v3 webhook subscription pointing at /webhooks/pagerduty (dialtone.pagerduty.webhook-secret). Empty: the endpoint answers 401."
  type        = string
  default     = ""
  sensitive   = true
}

variable "slack_bot_token" {
  description = "The Slack app's bot token, xoxb-... (dialtone.slack.bot-token). Empty: Slack targets fail visibly and no incident channels open."
  type        = string
  default     = ""
  sensitive   = true

  validation {
    condition     = var.slack_bot_token == "" || startswith(var.slack_bot_token, "xoxb-")
    error_message = "slack_bot_token must be a bot token starting with xoxb-, or empty."
  }
}

variable "slack_signing_secret" {
  description = "The Slack app's signing secret, which checks /slack/commands and /slack/interactivity (dialtone.slack.signing-secret). Empty: both answer 401."
  type        = string
  default     = ""
  sensitive   = true
}

variable "slack_tenant" {
  description = "The tenant whose agents and incidents the Slack workspace sees and acts on (dialtone.slack.tenant)."
  type        = string
  default     = ""
}

variable "slack_responders" {
  description = "Slack user ids invited to every incident channel (dialtone.slack.responders)."
  type        = list(string)
  default     = []
}

variable "slack_incident_channels" {
  description = "Open a Slack channel per incident (dialtone.slack.incident-channels)."
  type        = bool
  default     = true
}

variable "secret_recovery_window_days" {
  description = "Days a deleted secret can still be restored. 0 deletes at once (throwaway environments: lets the same name be created again)."
  type        = number
  default     = 7

  validation {
    condition     = var.secret_recovery_window_days == 0 || (var.secret_recovery_window_days >= 7 && var.secret_recovery_window_days <= 30)
    error_message = "secret_recovery_window_days must be 0 or between 7 and 30."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# PostgreSQL (RDS): events, tokens, sagas, timers, configuration registry
# ---------------------------------------------------------------------------------------------------------------------

variable "db_instance_class" {
  description = "RDS instance class of the PostgreSQL database."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_engine_version" {
  description = "PostgreSQL version; a major version (17) lets RDS pick and upgrade the minor version."
  type        = string
  default     = "17"
}

variable "db_allocated_storage_gib" {
  description = "Initial storage of the PostgreSQL database in GiB."
  type        = number
  default     = 50

  validation {
    condition     = var.db_allocated_storage_gib >= 20
    error_message = "db_allocated_storage_gib must be at least 20 (the gp3 minimum)."
  }
}

variable "db_max_allocated_storage_gib" {
  description = "Storage autoscaling limit of the PostgreSQL database in GiB (the event store only grows)."
  type        = number
  default     = 500
}

variable "db_backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery) of PostgreSQL and DocumentDB."
  type        = number
  default     = 14

  validation {
    condition     = var.db_backup_retention_days >= 1 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 1 and 35."
  }
}

variable "db_backup_window" {
  description = "Daily UTC window for automated backups (hh24:mi-hh24:mi)."
  type        = string
  default     = "03:00-04:00"
}

variable "db_maintenance_window" {
  description = "Weekly UTC window for database maintenance (ddd:hh24:mi-ddd:hh24:mi); must not overlap db_backup_window."
  type        = string
  default     = "sun:04:30-sun:05:30"
}

variable "db_performance_insights" {
  description = "Turn on Performance Insights for the PostgreSQL database (query-level load, for finding slow statements; AWS is folding it into CloudWatch Database Insights). Not available on db.t4g.micro and db.t4g.small."
  type        = bool
  default     = false
}

variable "db_apply_immediately" {
  description = "Apply database changes at once instead of in the next maintenance window (may restart the databases)."
  type        = bool
  default     = false
}

variable "deletion_protection" {
  description = "Protect the databases and the load balancer from deletion; turn off (and apply) before terraform destroy."
  type        = bool
  default     = true
}

# ---------------------------------------------------------------------------------------------------------------------
# DocumentDB: the read models (projections)
# ---------------------------------------------------------------------------------------------------------------------

variable "docdb_instance_class" {
  description = "Instance class of the DocumentDB instances."
  type        = string
  default     = "db.t4g.medium"
}

variable "docdb_instance_count" {
  description = "DocumentDB instances (one primary, the rest replicas that take over on failure)."
  type        = number
  default     = 2

  validation {
    condition     = var.docdb_instance_count >= 2 && var.docdb_instance_count <= 16
    error_message = "docdb_instance_count must be between 2 and 16: one instance has no failover."
  }
}

variable "docdb_engine_version" {
  description = "DocumentDB engine version (MongoDB API compatibility)."
  type        = string
  default     = "5.0.0"
}

# ---------------------------------------------------------------------------------------------------------------------
# Alarms: who watches the watcher
# ---------------------------------------------------------------------------------------------------------------------

variable "pagerduty_alarm_integration_url" {
  description = "Integration URL of a PagerDuty service with an Amazon CloudWatch integration (https://events.pagerduty.com/integration/<key>/enqueue). Alarms about Dialtone page through it, independently of Dialtone. Use a different service than the ones Dialtone pages."
  type        = string
  sensitive   = true

  validation {
    condition     = startswith(var.pagerduty_alarm_integration_url, "https://")
    error_message = "pagerduty_alarm_integration_url must be the https:// integration URL of a PagerDuty CloudWatch integration."
  }
}

variable "alarm_email_addresses" {
  description = "E-mail addresses that also receive the alarms (each must confirm the subscription)."
  type        = list(string)
  default     = []
}

variable "alarm_5xx_percent" {
  description = "Page when more than this percentage of requests get a 5xx answer from Dialtone over 5 minutes."
  type        = number
  default     = 5
}

variable "alarm_response_time_p99_seconds" {
  description = "Page when the 99th percentile of Dialtone's response time stays above this many seconds for 10 minutes."
  type        = number
  default     = 2
}

variable "alarm_error_log_lines" {
  description = "Page when Dialtone logs at least this many ERROR lines within 5 minutes."
  type        = number
  default     = 10
}

variable "alarm_db_cpu_percent" {
  description = "Page when the CPU of PostgreSQL or DocumentDB stays above this percentage for 15 minutes."
  type        = number
  default     = 80
}

variable "alarm_db_free_storage_gib" {
  description = "Page when PostgreSQL has less free storage than this many GiB."
  type        = number
  default     = 10
}

variable "alarm_db_connections" {
  description = "Page when PostgreSQL has more connections than this (each task opens up to 20)."
  type        = number
  default     = 200
}

variable "alarm_docdb_freeable_memory_mib" {
  description = "Page when a DocumentDB instance has less freeable memory than this many MiB."
  type        = number
  default     = 256
}
