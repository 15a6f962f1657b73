package dev.dialtone.infra;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment in {@code infra/terraform} parses and is internally consistent. There is no Terraform binary in CI,
 * so this is what stands between a typo and a failed {@code terraform plan} in production.
 */
class TerraformConfigurationTest {

    private static final Path TERRAFORM = Path.of("..", "infra", "terraform").toAbsolutePath().normalize();

    @Test
    void everyTerraformFileParsesAndEveryReferenceResolves() {
        assertThat(TERRAFORM).isDirectory();

        TerraformCheck.Report report = TerraformCheck.check(TERRAFORM);

        assertThat(report.passed())
                .as("problems in %s:%s", TERRAFORM, report.describeProblems())
                .isTrue();
    }

    @Test
    void checksTheWholeDeploymentNotAnEmptyDirectory() {
        TerraformCheck.Report report = TerraformCheck.check(TERRAFORM);

        assertThat(report.files()).extracting(file -> file.getFileName().toString())
                .contains("versions.tf", "variables.tf", "network.tf", "alb.tf", "ecs.tf", "rds.tf",
                        "documentdb.tf", "secrets.tf", "alarms.tf", "iam.tf", "outputs.tf");
        assertThat(report.variables()).hasSizeGreaterThanOrEqualTo(30)
                .contains("aws_region", "image", "domain_name", "desired_count", "api_keys",
                        "pagerduty_alarm_integration_url");
        assertThat(report.locals()).contains("jdbc_url", "mongodb_uri", "container_secrets");
        assertThat(report.references()).isGreaterThan(200);
    }

    @Test
    void documentsTheDeploymentNextToIt() {
        assertThat(TERRAFORM.resolve("README.md")).isRegularFile();
        assertThat(Files.exists(TERRAFORM.resolve("terraform.tfvars")))
                .as("terraform.tfvars holds secrets and must not be committed; use terraform.tfvars.example")
                .isFalse();
    }
}
