package io.livecomplaints.notification.templates.model;

import java.util.List;

/** The reply templates break the {@link TemplateSpec}; the message names every template and placeholder at fault. */
public class InvalidTemplatesException extends RuntimeException {

    private final List<String> problems;

    public InvalidTemplatesException(List<String> problems) {
        super("invalid notification templates (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
