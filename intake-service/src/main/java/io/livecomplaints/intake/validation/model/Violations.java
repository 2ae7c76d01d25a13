package io.livecomplaints.intake.validation.model;

import java.util.ArrayList;
import java.util.List;

/** Collects every violation of a complaint, so the caller learns all bad fields at once. */
public final class Violations {

    private final List<FieldViolation> all = new ArrayList<>();

    public void add(String field, String message) {
        all.add(new FieldViolation(field, message));
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(all);
    }
}
