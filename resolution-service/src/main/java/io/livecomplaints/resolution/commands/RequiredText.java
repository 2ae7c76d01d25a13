package io.livecomplaints.resolution.commands;

import io.livecomplaints.support.web.ApiProblem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks that a request carries the text an action cannot do without (a note's text, a reason), else 400 naming the
 * field. How long a text may be is not checked here: every request body passes {@code TextCapsAdvice} first.
 */
@Component
public class RequiredText {

    public String of(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.invalid(Map.of(field, "is required"));
        }
        return text;
    }
}
