package io.livecomplaints.triage;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.livecomplaints.testkit.ArchitectureRules;

@AnalyzeClasses(packages = "io.livecomplaints.triage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule frameworkFree = ArchitectureRules.businessRulesAreFrameworkFree();

    @ArchTest
    static final ArchRule noAdapters = ArchitectureRules.businessRulesDoNotDependOnAdapters();
}
