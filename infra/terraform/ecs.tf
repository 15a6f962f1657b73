# Dialtone on ECS Fargate: desired_count tasks (at least two) in the private subnets behind the load balancer. The
# application runs its Flyway migrations itself at start (idempotent, and safe when two tasks start together: Flyway
# takes a lock), so there is no separate migration step. Each task's dialtone.node-id defaults to pid@hostname, and
# every Fargate task has its own hostname (its private IP), so the nodes never share a name in the token table.

locals {
  container_name = "dialtone"

  # The start-up container: fetches Amazon's RDS certificate bundle (the CAs of RDS and DocumentDB, which the JDK does
  # not trust by default) and adds it to a copy of the JDK's own truststore, so public CAs (Slack, PagerDuty) still
  # work. The Dialtone container reads it from the shared volume through JAVA_TOOL_OPTIONS.
  truststore_script = <<-EOT
    set -eu
    curl -fsS --retry 5 --retry-connrefused -o /tmp/rds-bundle.pem https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem
    cp "$JAVA_HOME/lib/security/cacerts" /truststore/cacerts.tmp
    chmod 644 /truststore/cacerts.tmp
    awk '/BEGIN CERTIFICATE/ { n++ } n { print > ("/tmp/rds-ca-" n ".pem") }' /tmp/rds-bundle.pem
    for cert in /tmp/rds-ca-*.pem; do
      keytool -importcert -noprompt -storepass changeit -keystore /truststore/cacerts.tmp \
        -alias "$(basename "$cert" .pem)" -file "$cert" > /dev/null
    done
    mv /truststore/cacerts.tmp /truststore/cacerts
    echo "truststore ready: $(ls /tmp/rds-ca-*.pem | wc -l) RDS certificate authorities added"
  EOT

  environment = merge(
    {
      SPRING_DATASOURCE_URL           = local.jdbc_url
      SPRING_DATASOURCE_USERNAME      = aws_db_instance.main.username
      DIALTONE_PUBLIC_BASE_URL        = local.public_base_url
      DIALTONE_SLACK_INCIDENTCHANNELS = tostring(var.slack_incident_channels)
      AXONIQ_UPDATE_CHECKER_DISABLED  = "true"
      JAVA_TOOL_OPTIONS               = "-Djavax.net.ssl.trustStore=/truststore/cacerts -Djavax.net.ssl.trustStorePassword=changeit"
    },
    { for key, value in { DIALTONE_SLACK_TENANT = var.slack_tenant } : key => value if value != "" },
    { for index, label in local.api_key_labels : "DIALTONE_APIKEYS_${index}_TENANT" => var.api_keys[label].tenant },
    { for index, label in local.api_key_labels : "DIALTONE_APIKEYS_${index}_ROLE" => var.api_keys[label].role },
    { for index, user in var.slack_responders : "DIALTONE_SLACK_RESPONDERS_${index}" => user },
    var.extra_environment
  )
}

resource "aws_ecs_cluster" "main" {
  name = var.name

  # Container Insights publishes RunningTaskCount, which the alarms watch.
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${var.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_ecs_task_definition" "app" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  # The image is linux/amd64 (the embedded PostgreSQL binaries Dialtone ships are amd64 only).
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "truststore"
  }

  container_definitions = jsonencode([
    {
      name       = "truststore"
      image      = var.truststore_image != "" ? var.truststore_image : var.image
      essential  = false
      user       = "0"
      entryPoint = ["sh", "-c"]
      command    = [local.truststore_script]
      mountPoints = [
        { sourceVolume = "truststore", containerPath = "/truststore", readOnly = false }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.app.name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = "truststore"
        }
      }
    },
    {
      name      = local.container_name
      image     = var.image
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp", name = "http" }
      ]
      environment = [for key in sort(keys(local.environment)) : { name = key, value = local.environment[key] }]
      secrets     = [for key in sort(keys(local.container_secrets)) : { name = key, valueFrom = local.container_secrets[key] }]
      mountPoints = [
        { sourceVolume = "truststore", containerPath = "/truststore", readOnly = true }
      ]
      dependsOn = [
        { containerName = "truststore", condition = "SUCCESS" }
      ]
      # Graceful shutdown takes up to 15 s per phase; give it room before SIGKILL.
      stopTimeout = 45
      healthCheck = var.container_health_check ? {
        command     = ["CMD-SHELL", "curl -fsS -o /dev/null http://localhost:8080/actuator/health/liveness || exit 1"]
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 120
      } : null
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.app.name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = "dialtone"
          # A stack trace stays in the event of its log line (Spring Boot lines start with an ISO timestamp).
          awslogs-datetime-format = "%Y-%m-%dT%H:%M:%S"
          # Never block the application on CloudWatch Logs: a full buffer drops lines instead of stalling threads.
          mode            = "non-blocking"
          max-buffer-size = "25m"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "app" {
  name                   = var.name
  cluster                = aws_ecs_cluster.main.id
  task_definition        = aws_ecs_task_definition.app.arn
  desired_count          = var.desired_count
  launch_type            = "FARGATE"
  platform_version       = "LATEST"
  propagate_tags         = "SERVICE"
  enable_execute_command = var.enable_execute_command
  wait_for_steady_state  = var.wait_for_steady_state

  health_check_grace_period_seconds = var.health_check_grace_period_seconds

  # New tasks start and become healthy before old ones stop: never fewer than desired_count serving.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = local.container_name
    container_port   = 8080
  }

  depends_on = [aws_lb_listener.https, aws_iam_role_policy.execution_secrets]

  lifecycle {
    # The number of tasks is owned by the scalable target below (min = desired_count), so autoscaling and
    # terraform apply do not fight over it.
    ignore_changes = [desired_count]
  }
}

# Always registered: it holds the service at desired_count at least, and up to autoscaling_max_count when enabled.
# Changing desired_count takes effect through min_capacity.
resource "aws_appautoscaling_target" "app" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.app.name}"
  min_capacity       = var.desired_count
  max_capacity       = var.autoscaling_enabled ? max(var.desired_count, var.autoscaling_max_count) : var.desired_count
}

resource "aws_appautoscaling_policy" "cpu" {
  count = var.autoscaling_enabled ? 1 : 0

  name               = "${var.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.app.service_namespace
  scalable_dimension = aws_appautoscaling_target.app.scalable_dimension
  resource_id        = aws_appautoscaling_target.app.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
