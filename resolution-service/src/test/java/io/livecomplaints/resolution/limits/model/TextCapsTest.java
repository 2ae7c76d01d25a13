package io.livecomplaints.resolution.limits.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 20, finding 3: each request text field has its cap, counted in characters (a Chinese character is one). */
class TextCapsTest {

    private final TextCaps caps = new TextCaps(2000, 2000, 1000, 64, 64, 500);

    @Test
    void eachFieldHasItsCapByName() {
        assertThat(caps.problem("note", "长".repeat(2000))).isEmpty();
        assertThat(caps.problem("note", "长".repeat(2001))).contains("must be at most 2000 characters (has 2001)");
        assertThat(caps.problem("reason", "x".repeat(2001))).isPresent();
        assertThat(caps.problem("description", "x".repeat(1001))).isPresent();
        assertThat(caps.problem("ruleId", "R".repeat(65))).isPresent();
        assertThat(caps.problem("agentId", "A".repeat(64))).isEmpty();
        assertThat(caps.problem("url", "h".repeat(2048))).as("the shared evidence-link cap").isEmpty();
        assertThat(caps.problem("url", "h".repeat(2049))).isPresent();
        assertThat(caps.problem("somethingNew", "x".repeat(501))).as("any other field").isPresent();
        assertThat(caps.problem("note", null)).isEmpty();
    }

    @Test
    void charactersAreCodePoints() {
        assertThat(caps.problem("ruleId", "😀".repeat(64))).isEmpty(); // 128 UTF-16 units, 64 characters
    }

    @Test
    void capsArePositive() {
        assertThatThrownBy(() -> new TextCaps(0, 1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
