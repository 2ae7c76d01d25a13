package io.livecomplaints.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout rules every service keeps (ddd-by-examples style): business rules live in {@code ..model..} packages
 * inside each feature and use no framework; adapters (web, Kafka, config) sit around them.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Classes in {@code ..model..} use plain Java (and our event contracts' enums), never Spring, Kafka, HTTP or JSON. */
    public static ArchRule businessRulesAreFrameworkFree() {
        return noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "jakarta..", "io.micrometer..",
                        "tools.jackson..", "com.fasterxml..", "io.github.resilience4j..", "java.net.http..")
                .because("business rules are plain Java: unit-testable and reusable without a framework");
    }

    /** Business rules do not reach out to adapters. */
    public static ArchRule businessRulesDoNotDependOnAdapters() {
        return noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..kafka..", "..config..")
                .because("adapters depend on the rules, not the other way round");
    }
}
