package io.livecomplaints.registry.http;

import io.livecomplaints.registry.RegistryException;
import java.util.regex.Pattern;

/**
 * What a subject may be called: TopicNameStrategy names, {@code <topic>-key} or {@code <topic>-value}, of Kafka's
 * topic-name characters (letters, digits, '.', '_', '-'; at most 249). Anything else (a slash, {@code ..}, spaces,
 * control characters) is refused with 422 before it is stored, e.g. {@code probe-test-/../config-value}.
 */
final class SubjectNames {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._-]{1,249}-(key|value)");

    private SubjectNames() {
    }

    static void requireValid(String subject) {
        if (!SUBJECT.matcher(subject).matches() || subject.startsWith(".")) {
            throw new RegistryException(422, RegistryException.INVALID_SUBJECT, "Invalid subject name '"
                    + subject.replaceAll("[^\\x20-\\x7E]", "?") + "': expected <topic>-key or <topic>-value of letters, digits, '.', '_' and '-'");
        }
    }
}
