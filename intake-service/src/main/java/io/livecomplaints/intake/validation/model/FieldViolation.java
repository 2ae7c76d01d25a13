package io.livecomplaints.intake.validation.model;

/** One bad field of a complaint and what is wrong with it, in words the caller can act on. */
public record FieldViolation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
