package io.livecomplaints.resolution;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.livecomplaints.testkit.ArchitectureRules;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.livecomplaints.resolution", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule frameworkFree = ArchitectureRules.businessRulesAreFrameworkFree();

    @ArchTest
    static final ArchRule noAdapters = ArchitectureRules.businessRulesDoNotDependOnAdapters();

    /** Feature packages depend on each other in one direction only (issue 19): a cycle fails the build. */
    @ArchTest
    static final ArchRule featurePackagesFreeOfCycles = slices().matching("io.livecomplaints.resolution.(*)..").should().beFreeOfCycles();
}
