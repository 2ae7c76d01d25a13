package io.livecomplaints.resolution.sla.model;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.Severity;

/**
 * A case is complex, and owes a handling plan (处理方案) within the plan deadline, when it is HIGH severity, touches
 * more than one complaint type, or belongs to an incident (a group of complaints handled in bulk).
 */
public final class ComplexCasePolicy {

    private ComplexCasePolicy() {
    }

    public static boolean isComplex(ComplaintCase c) {
        return c.getSeverity() == Severity.HIGH || !c.getSecondaryTypes().isEmpty() || c.getIncidentId() != null;
    }
}
