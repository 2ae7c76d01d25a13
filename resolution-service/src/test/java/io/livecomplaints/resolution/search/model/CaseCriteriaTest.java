package io.livecomplaints.resolution.search.model;

import static io.livecomplaints.resolution.support.Fixtures.policies;
import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.resolution.cases.model.CaseOpening;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search filters as plain rules: words of the text (Chinese, full-width), deadlines at risk, periods, team scope, paging. */
class CaseCriteriaTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private static ComplaintCase opened(String id, String text, Instant at) {
        ComplaintTriaged.Builder t = triaged(id, at);
        t.setComplaint(ComplaintReceived.newBuilder(t.getComplaint()).setText(text).build());
        return CaseOpening.open(t.build(), null, policies(), at).result();
    }

    private static CaseCriteria words(String q) {
        return new CaseCriteria(null, null, null, null, null, null, null, null, null, null, CaseCriteria.words(q), null, null, null, null);
    }

    @Test
    void everyWordMustOccurInTheTextNormalisedAndCaseInsensitive() {
        ComplaintCase c = opened("C-1", "主播承诺赠送围巾，一直没有发货 ＡＢＣ", T0);
        assertThat(words("围巾 发货").matches(c)).isTrue();
        assertThat(words("围巾 退款").matches(c)).isFalse();
        assertThat(words("abc").matches(c)).isTrue(); // full-width ＡＢＣ
        assertThat(words("  ").matches(c)).isTrue();
    }

    @Test
    void dueBeforeFromToAndTeamScope() {
        ComplaintCase c = opened("C-2", "text", T0); // first response due at T0 + 30 min
        CaseCriteria atRisk = new CaseCriteria(null, null, null, null, null, CaseState.TRIAGED, null, null, null, null, List.of(),
                T0.plus(Duration.ofMinutes(31)), T0, T0.plusSeconds(1), List.of("after-sales"));
        assertThat(atRisk.matches(c)).isTrue();
        assertThat(new CaseCriteria(null, null, null, null, null, null, null, null, null, null, List.of(),
                T0.plus(Duration.ofMinutes(29)), null, null, null).matches(c)).isFalse();
        assertThat(new CaseCriteria(null, null, null, null, null, null, null, null, null, null, List.of(),
                null, T0.plusSeconds(1), null, null).matches(c)).isFalse();
        assertThat(new CaseCriteria(null, null, null, null, null, null, null, null, null, null, List.of(),
                null, null, null, List.of("logistics")).matches(c)).isFalse();
    }

    @Test
    void pagesAreNewestFirst() {
        List<ComplaintCase> cases = List.of(opened("C-a", "x", T0), opened("C-b", "x", T0.plusSeconds(2)), opened("C-c", "x", T0.plusSeconds(1)));
        CasePage first = CasePage.of(cases, 0, 2);
        CasePage second = CasePage.of(cases, 1, 2);
        assertThat(first.items()).extracting(c -> c.getEnvelope().getComplaintId()).containsExactly("C-b", "C-c");
        assertThat(second.items()).extracting(c -> c.getEnvelope().getComplaintId()).containsExactly("C-a");
        assertThat(CasePage.of(cases, 5, 2).items()).isEmpty();
        assertThat(first.total()).isEqualTo(3);
    }
}
