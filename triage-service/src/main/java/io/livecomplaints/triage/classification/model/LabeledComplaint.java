package io.livecomplaints.triage.classification.model;

import io.livecomplaints.events.ComplaintType;
import java.util.List;

/** A complaint text with the types a person gave it: the training and evaluation data of the classifier. */
public record LabeledComplaint(String text, ComplaintType type, List<ComplaintType> secondaryTypes) {

    public LabeledComplaint {
        secondaryTypes = secondaryTypes == null ? List.of() : List.copyOf(secondaryTypes);
    }

    public LabeledComplaint(String text, ComplaintType type) {
        this(text, type, List.of());
    }
}
