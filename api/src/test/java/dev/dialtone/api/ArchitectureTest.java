package dev.dialtone.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of DESIGN.md, as rules a build can fail on. */
@AnalyzeClasses(packages = "dev.dialtone", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnAxonOnly = noClasses()
            .that().resideInAPackage("dev.dialtone.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.mongodb..", "org.bson..", "reactor..", "java.net.http..",
                    "okhttp3..", "org.apache.http..", "com.fasterxml.jackson..", "jakarta.servlet..",
                    "com.slack..", "com.github.dikhan..")
            .because("the domain holds decisions only: no web, no storage, no HTTP clients (DESIGN.md)");

    @ArchTest
    static final ArchRule domainKnowsNoOuterModule = noClasses()
            .that().resideInAPackage("dev.dialtone.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.dialtone.api..", "dev.dialtone.projections..", "dev.dialtone.integrations..");

    @ArchTest
    static final ArchRule projectionsReadMessagesNotAggregates = noClasses()
            .that().resideInAPackage("dev.dialtone.projections..")
            .should().dependOnClassesThat().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .orShould().dependOnClassesThat().areAnnotatedWith(org.axonframework.spring.stereotype.Saga.class)
            .because("read models are built from events, never from the write model");

    @ArchTest
    static final ArchRule projectionsAndIntegrationsStayOutOfTheApplication = noClasses()
            .that().resideInAnyPackage("dev.dialtone.projections..", "dev.dialtone.integrations..")
            .should().dependOnClassesThat().resideInAPackage("dev.dialtone.api..");

    @ArchTest
    static final ArchRule integrationsDoNotReadProjections = noClasses()
            .that().resideInAPackage("dev.dialtone.integrations..")
            .should().dependOnClassesThat().resideInAPackage("dev.dialtone.projections..")
            .allowEmptyShould(true); // integrations arrive with the incident engine

    @ArchTest
    static void theRulesSeeEveryModule(JavaClasses classes) {
        for (String module : new String[]{"dev.dialtone.domain", "dev.dialtone.projections", "dev.dialtone.api"}) {
            if (!classes.containPackage(module)) {
                throw new AssertionError("ArchUnit did not import " + module + "; the rules above would pass vacuously");
            }
        }
    }
}
