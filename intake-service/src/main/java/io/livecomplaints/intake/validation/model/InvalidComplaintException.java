package io.livecomplaints.intake.validation.model;

import java.util.List;
import java.util.stream.Collectors;

/** A complaint broke validation rules; the message names every bad field (it carries no personal data). */
public class InvalidComplaintException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidComplaintException(List<FieldViolation> violations) {
        super("invalid complaint: " + violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
