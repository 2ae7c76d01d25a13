package io.livecomplaints.triage.grading.model;

import java.util.Optional;

/** One rule of 分级: whether it applies to a complaint and what it raises. */
@FunctionalInterface
public interface GradeRule {

    Optional<PriorityRaise> apply(GradingFacts facts);
}
