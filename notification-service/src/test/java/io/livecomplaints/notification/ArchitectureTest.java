package io.livecomplaints.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.livecomplaints.testkit.ArchitectureRules;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.livecomplaints.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule frameworkFree = ArchitectureRules.businessRulesAreFrameworkFree();

    @ArchTest
    static final ArchRule noAdapters = ArchitectureRules.businessRulesDoNotDependOnAdapters();

    /** Feature packages depend on each other in one direction only. */
    @ArchTest
    static final ArchRule noCycles = slices().matching("io.livecomplaints.notification.(*)..").should().beFreeOfCycles();
}
