package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.Severity;
import java.util.List;

/** Severity, priority 0..100 (higher first) and the reasons for both. */
public record Grade(Severity severity, int priority, List<String> reasons) {
}
