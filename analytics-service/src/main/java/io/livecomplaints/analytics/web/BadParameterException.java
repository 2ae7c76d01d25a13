package io.livecomplaints.analytics.web;

/** A request parameter whose value is not acceptable; answered with 400 naming the field. */
public class BadParameterException extends IllegalArgumentException {

    private final String field;

    public BadParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
