package io.livecomplaints.notification.surveys;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One answer per survey, decided where the answer is written. The surveys store shows an answer only after the
 * answer has made the round trip through survey-responses and this service's own stream (tens of milliseconds or
 * more), so two answers close together both saw "not answered" and both were published. Each answer now first claims
 * its complaint here, atomically; only the claimer publishes. The survey store is partitioned and queried locally,
 * so the instance that answers a survey is the one hosting it: the claim and the store are in the same place.
 * A claim is kept until the store shows the answer (a claim whose publish failed is released at once, so the
 * user can retry); claims older than {@link #KEEP} are forgotten by then.
 */
@Component
public class SurveyAnswerClaims {

    static final Duration KEEP = Duration.ofMinutes(10);

    private final Map<String, Long> claims = new ConcurrentHashMap<>();
    private final Clock clock;

    SurveyAnswerClaims(Clock clock) {
        this.clock = clock;
    }

    /** True for the first caller for this complaint; false while another answer holds (or has published) it. */
    public boolean claim(String complaintId) {
        long now = clock.millis();
        forgetOlderThan(now - KEEP.toMillis());
        return claims.putIfAbsent(complaintId, now) == null;
    }

    /** The answer could not be recorded: another attempt may claim the survey. */
    public void release(String complaintId) {
        claims.remove(complaintId);
    }

    private void forgetOlderThan(long cutoff) {
        if (claims.size() < 1_000) {
            return;
        }
        for (Iterator<Long> it = claims.values().iterator(); it.hasNext(); ) {
            if (it.next() < cutoff) {
                it.remove();
            }
        }
    }
}
