package io.livecomplaints.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ApiProblemTest {

    @Test
    void invalidFieldsAreListedInTheMapsOrderAndSaidInTheDetail() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("team", "is required");
        fields.put("note", "is too long");

        ProblemDetail problem = ApiProblem.invalid(fields).toProblemDetail();

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getTitle()).isEqualTo("Invalid request");
        assertThat(problem.getDetail()).isEqualTo("team is required; note is too long");
        assertThat(problem.getProperties()).containsOnlyKeys("errors");
        assertThat(problem.getProperties().get("errors")).isEqualTo(List.of(
                new ApiProblem.FieldError("team", "is required"), new ApiProblem.FieldError("note", "is too long")));
    }
}
