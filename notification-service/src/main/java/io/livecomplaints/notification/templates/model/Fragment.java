package io.livecomplaints.notification.templates.model;

import java.util.Map;

/** A placeholder value that is itself a template of the same language (e.g. the basis of a result). */
public record Fragment(String key, Map<String, Object> values) {
}
