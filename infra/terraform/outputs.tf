# What a user needs after apply: where Dialtone is, what to paste into PagerDuty, Slack and the voice platforms, and
# where the generated secrets are. No secret values are output.

output "url" {
  description = "Dialtone's public base URL (dialtone.public-base-url)."
  value       = local.public_base_url
}

output "health_urls" {
  description = "Liveness and readiness probes (readiness includes PostgreSQL and DocumentDB)."
  value = {
    liveness  = "${local.public_base_url}/actuator/health/liveness"
    readiness = "${local.public_base_url}/actuator/health/readiness"
  }
}

output "webhook_urls" {
  description = "URLs to configure in PagerDuty (v3 webhook subscription), the Slack app (slash command, interactivity) and each voice platform ({agentId} is the agent's id in Dialtone)."
  value = {
    pagerduty           = "${local.public_base_url}/webhooks/pagerduty"
    slack_commands      = "${local.public_base_url}/slack/commands"
    slack_interactivity = "${local.public_base_url}/slack/interactivity"
    twilio              = "${local.public_base_url}/webhooks/twilio/{agentId}"
    vapi                = "${local.public_base_url}/webhooks/vapi/{agentId}"
    retell              = "${local.public_base_url}/webhooks/retell/{agentId}"
    elevenlabs          = "${local.public_base_url}/webhooks/elevenlabs/{agentId}"
  }
}

output "graphql_url" {
  description = "The GraphQL endpoint."
  value       = "${local.public_base_url}/graphql"
}

output "load_balancer_dns_name" {
  description = "DNS name of the load balancer. Without route53_zone_id, point domain_name at it (CNAME, or an alias A record)."
  value       = aws_lb.main.dns_name
}

output "load_balancer_zone_id" {
  description = "Hosted zone id of the load balancer, for an alias record in a zone Terraform does not manage."
  value       = aws_lb.main.zone_id
}

output "api_key_secrets" {
  description = "Secrets Manager ARN of each generated API key, by label. Read a key with: aws secretsmanager get-secret-value --secret-id <arn> --query SecretString --output text"
  value       = { for label, secret in aws_secretsmanager_secret.api_key : label => secret.arn }
}

output "api_key_indexes" {
  description = "Which dialtone.api-keys[i] each label became (tenant and role are environment variables of the task)."
  value       = { for index, label in local.api_key_labels : label => index }
}

output "ecs_cluster_name" {
  description = "ECS cluster running Dialtone."
  value       = aws_ecs_cluster.main.name
}

output "ecs_service_name" {
  description = "ECS service of Dialtone (aws ecs update-service --force-new-deployment to restart the tasks)."
  value       = aws_ecs_service.app.name
}

output "log_group_name" {
  description = "CloudWatch Logs group with Dialtone's logs (aws logs tail <name> --follow)."
  value       = aws_cloudwatch_log_group.app.name
}

output "alarm_topic_arn" {
  description = "SNS topic the alarms publish to (add more subscribers here)."
  value       = aws_sns_topic.alarms.arn
}

output "postgres_endpoint" {
  description = "PostgreSQL endpoint (reachable from inside the VPC only)."
  value       = aws_db_instance.main.endpoint
}

output "documentdb_endpoint" {
  description = "DocumentDB cluster endpoint (reachable from inside the VPC only)."
  value       = aws_docdb_cluster.main.endpoint
}

output "vpc_id" {
  description = "The VPC, for peering or a bastion."
  value       = aws_vpc.main.id
}

output "private_subnet_ids" {
  description = "Private subnets (tasks and databases), e.g. for a Prometheus that scrapes the tasks on :8080/actuator/prometheus."
  value       = aws_subnet.private[*].id
}

output "app_security_group_id" {
  description = "Security group of the tasks; allow it in a monitoring security group to scrape metrics."
  value       = aws_security_group.app.id
}
