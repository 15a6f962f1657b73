package dev.dialtone.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker fails on what Terraform would refuse, naming the file and the line, and passes valid HCL. */
class TerraformCheckTest {

    private static final String VALID = """
            terraform {
              required_providers {
                aws = {
                  source  = "hashicorp/aws"
                  version = "~> 5.70"
                }
              }
            }

            variable "name" {
              description = "Prefix of every resource."
              type        = string
              default     = "dialtone"

              validation {
                condition     = can(regex("^[a-z-]+$", var.name))
                error_message = "name must be lowercase."
              }
            }

            variable "zones" {
              description = "Zones."
              type        = list(string)
            }

            locals {
              subnets = { for index, zone in var.zones : zone => cidrsubnet("10.0.0.0/16", 4, index) }
              script  = <<-EOT
                echo "$${HOME}" $JAVA_HOME ${var.name}
              EOT
            }

            data "aws_partition" "current" {}

            resource "aws_subnet" "private" {
              for_each          = local.subnets
              availability_zone = each.key
              cidr_block        = each.value
              tags              = { Name = "${var.name}-${each.key}", Partition = data.aws_partition.current.partition }
            }

            output "subnets" {
              value = [for subnet in aws_subnet.private : subnet.id]
            }

            output "script" {
              value = local.script
            }
            """;

    @TempDir
    Path directory;

    @Test
    void passesValidConfiguration() throws IOException {
        write("main.tf", VALID);

        TerraformCheck.Report report = TerraformCheck.check(directory);

        assertThat(report.problems()).isEmpty();
        assertThat(report.variables()).containsExactly("name", "zones");
        assertThat(report.locals()).containsExactly("script", "subnets");
    }

    @Test
    void failsOnAnUnclosedBlockNamingTheFile() throws IOException {
        write("main.tf", VALID);
        write("broken.tf", """
                resource "aws_eip" "nat" {
                  domain = "vpc"
                """);

        TerraformCheck.Report report = TerraformCheck.check(directory);

        assertThat(report.problems()).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.file().getFileName()).hasToString("broken.tf"));
    }

    @Test
    void failsOnAMissingValueWithItsLine() throws IOException {
        write("main.tf", VALID + """

                resource "aws_eip" "nat" {
                  domain =
                }
                """);

        TerraformCheck.Report report = TerraformCheck.check(directory);

        assertThat(report.problems()).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.line()).isEqualTo(VALID.lines().count() + 4);
                    assertThat(problem.message()).startsWith("syntax error");
                });
    }

    @Test
    void failsOnAnUnterminatedStringAndAStrayClosingBrace() throws IOException {
        write("string.tf", """
                locals {
                  name = "dialtone
                }
                """);
        write("brace.tf", """
                locals {
                  other = 1
                }
                }
                """);

        TerraformCheck.Report report = TerraformCheck.check(directory);

        assertThat(report.problems()).extracting(problem -> problem.file().getFileName().toString())
                .contains("string.tf", "brace.tf");
    }

    @Test
    void failsOnAnUndeclaredVariable() throws IOException {
        write("main.tf", VALID.replace("cidrsubnet(\"10.0.0.0/16\"", "cidrsubnet(var.vpc_cidr"));

        TerraformCheck.Report report = TerraformCheck.check(directory);

        assertThat(report.problems()).singleElement()
                .hasToString(directory.resolve("main.tf") + ":" + lineOf(VALID, "subnets =")
                        + ": var.vpc_cidr has no variable \"vpc_cidr\" block in " + directory.getFileName());
    }

    @Test
    void findsUndeclaredVariablesInsideStringTemplatesAndHeredocs() throws IOException {
        write("main.tf", VALID.replace("$JAVA_HOME ${var.name}", "$JAVA_HOME ${var.nmae}"));

        TerraformCheck.Report report = TerraformCheck.check(directory);

        assertThat(report.problems()).extracting(TerraformCheck.Problem::message)
                .containsExactly("var.nmae has no variable \"nmae\" block in " + directory.getFileName());
    }

    @Test
    void resolvesVariablesDeclaredInAnotherFileOfTheSameModule() throws IOException {
        String variables = VALID.substring(VALID.indexOf("variable \"name\""), VALID.indexOf("locals {"));
        write("variables.tf", variables);
        write("main.tf", VALID.replace(variables, ""));

        assertThat(TerraformCheck.check(directory).problems()).isEmpty();
    }

    @Test
    void failsOnUndeclaredLocalsDataSourcesAndResources() throws IOException {
        write("main.tf", VALID + """

                output "broken" {
                  value = [local.missing, data.aws_region.current.name, aws_subnet.public[0].id]
                }
                """);

        TerraformCheck.Report report = TerraformCheck.check(directory);

        assertThat(report.problems()).extracting(TerraformCheck.Problem::message).containsExactly(
                "local.missing is not declared in any locals block",
                "data.aws_region.current has no data block",
                "aws_subnet.public has no resource block");
    }

    @Test
    void failsOnAVariableWithoutDescriptionOrTypeOrUse() throws IOException {
        write("main.tf", VALID + """

                variable "unused" {
                  default = 1
                }
                """);

        TerraformCheck.Report report = TerraformCheck.check(directory);

        assertThat(report.problems()).extracting(TerraformCheck.Problem::message).containsExactlyInAnyOrder(
                "variable \"unused\" has no description",
                "variable \"unused\" has no type",
                "variable \"unused\" is declared but never used");
    }

    @Test
    void failsOnAValidationThatRefersToAnotherVariable() throws IOException {
        write("main.tf", VALID.replace("var.name))", "var.zones[0]))"));

        TerraformCheck.Report report = TerraformCheck.check(directory);

        assertThat(report.problems()).extracting(TerraformCheck.Problem::message).contains(
                "variable \"name\" refers to var.zones: a validation may refer to var.name only");
    }

    @Test
    void failsOnAVariableMissingFromTheReadme() throws IOException {
        write("main.tf", VALID);
        write("README.md", "| `name` | Prefix of every resource. |\n");

        TerraformCheck.Report report = TerraformCheck.check(directory);

        assertThat(report.problems()).extracting(TerraformCheck.Problem::message)
                .containsExactly("variable \"zones\" is not documented in README.md (as `zones`)");
    }

    @Test
    void checksEachDirectoryAsItsOwnModuleAndSkipsDownloadedOnes() throws IOException {
        write("main.tf", VALID);
        write("modules/child/main.tf", """
                output "name" {
                  value = var.name
                }
                """);
        write(".terraform/modules/vendor/main.tf", "this is { not HCL");

        TerraformCheck.Report report = TerraformCheck.check(directory);

        assertThat(report.problems()).extracting(TerraformCheck.Problem::message)
                .containsExactly("var.name has no variable \"name\" block in child");
        assertThat(report.files()).hasSize(2);
    }

    private void write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static long lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).chars().filter(c -> c == '\n').count() + 1;
    }
}
