package io.livecomplaints.analytics.stats.model;

import static io.livecomplaints.analytics.Events.caseVersion;
import static io.livecomplaints.analytics.Events.outcome;
import static io.livecomplaints.analytics.Events.sla;
import static io.livecomplaints.analytics.Events.survey;
import static io.livecomplaints.analytics.Events.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.analytics.Events;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.support.streams.state.StateSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The counting rules over event sequences, aggregated as the topology does (without Kafka). */
class LifecycleObservationsTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private static final Events.About ABOUT = new Events.About("M-1", "A-1", "R-1", "S-1", "SKU-1");

    private final Map<String, ComplaintProfile> profiles = new HashMap<>();
    private final Map<StatKey, Tally> tallies = new HashMap<>();
    private final Map<String, String> sessionRegions = new HashMap<>();

    private void deliver(Object event) {
        String id = Envelopes.of(event).getComplaintId();
        // as in the store: the profile goes through its state JSON between events
        ComplaintProfile profile = profiles.containsKey(id) ? throughItsState(profiles.get(id)) : new ComplaintProfile();
        for (Observation o : LifecycleObservations.observe(profile, Envelopes.of(event), event, sessionRegions::get)) {
            tallies.computeIfAbsent(o.key(), k -> new Tally()).add(o);
        }
        profiles.put(id, profile);
    }

    private static ComplaintProfile throughItsState(ComplaintProfile profile) {
        Serde<ProfileState> serde = StateSerdes.json(ProfileState.class);
        return ComplaintProfile.of(serde.deserializer().deserialize("profiles", serde.serializer().serialize("profiles", profile.state())));
    }

    private Tally tally(Metric metric, Dimension dimension, String value) {
        return tallies.getOrDefault(StatKey.of(metric, dimension, value), new Tally());
    }

    private static Instant at(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void aComplaintIsCountedOnceUnderEveryBreakdownEvenIfDeliveredTwice() {
        ComplaintTriaged c1 = triaged("C-1", ComplaintType.PRODUCT_QUALITY, Channel.ORDER_PAGE, Severity.MEDIUM, "after-sales", ABOUT, at(1), null);
        deliver(c1);
        deliver(c1);
        // re-published with a new event id: still the same complaint
        deliver(ComplaintTriaged.newBuilder(c1).setEnvelope(Events.envelope("C-1", at(1))).build());

        assertThat(tally(Metric.COMPLAINTS, Dimension.ALL, "all").count()).isEqualTo(1);
        for (Map.Entry<Dimension, String> e : Map.of(Dimension.TYPE, "PRODUCT_QUALITY", Dimension.CHANNEL, "ORDER_PAGE",
                Dimension.SEVERITY, "MEDIUM", Dimension.TEAM, "after-sales", Dimension.MERCHANT, "M-1", Dimension.ANCHOR, "A-1",
                Dimension.ROOM, "R-1", Dimension.SESSION, "S-1", Dimension.PRODUCT, "SKU-1",
                Dimension.PROFILE, "PRODUCT_QUALITY,ORDER_PAGE,MEDIUM,after-sales").entrySet()) {
            assertThat(tally(Metric.COMPLAINTS, e.getKey(), e.getValue()).count()).as(e.getKey().id()).isEqualTo(1);
        }
        assertThat(tallies.keySet()).noneMatch(k -> k.dimension() == Dimension.REGION);
    }

    @Test
    void technicalComplaintsCountUnderTheirDiagnosedRegionElseTheRegionOfTheirSession() {
        sessionRegions.put("S-1", "east-china");
        deliver(triaged("C-2", ComplaintType.STREAM_QUALITY, Channel.LIVE_ROOM_BUTTON, Severity.LOW, "tech-support", ABOUT, at(2), null));
        deliver(triaged("C-3", ComplaintType.STREAM_QUALITY, Channel.LIVE_COMMENT, Severity.LOW, "tech-support", ABOUT, at(3), "south-china"));
        deliver(triaged("C-4", ComplaintType.LOGISTICS, Channel.LIVE_COMMENT, Severity.LOW, "logistics", ABOUT, at(3), null));

        assertThat(tally(Metric.COMPLAINTS, Dimension.REGION, "east-china").count()).isEqualTo(1);
        assertThat(tally(Metric.COMPLAINTS, Dimension.REGION, "south-china").count()).isEqualTo(1);
        assertThat(tallies.keySet().stream().filter(k -> k.dimension() == Dimension.REGION)).hasSize(2);
    }

    @Test
    void slaTimesBreachesRemediesReopensAndSatisfactionOfAKnownSequence() {
        ComplaintTriaged c1 = triaged("C-1", ComplaintType.PRODUCT_QUALITY, Channel.ORDER_PAGE, Severity.MEDIUM, "t", ABOUT, at(0), null);
        ComplaintTriaged c2 = triaged("C-2", ComplaintType.PRODUCT_QUALITY, Channel.APP_CHAT, Severity.HIGH, "t", ABOUT, at(0), null);
        ComplaintTriaged c3 = triaged("C-3", ComplaintType.LOGISTICS, Channel.APP_CHAT, Severity.LOW, "t", ABOUT, at(0), null);
        deliver(c1);
        deliver(c2);
        deliver(c3);
        deliver(caseVersion(c1, 1, CaseState.ASSIGNED, at(1), null, 0));
        deliver(caseVersion(c1, 2, CaseState.IN_PROGRESS, at(5), at(5), 0));
        deliver(caseVersion(c1, 3, CaseState.IN_PROGRESS, at(6), at(5), 0));
        deliver(caseVersion(c2, 1, CaseState.IN_PROGRESS, at(10), at(10), 0));
        deliver(caseVersion(c3, 1, CaseState.IN_PROGRESS, at(1), at(1), 0));
        ComplaintOutcome refund = outcome(c1, OutcomeResult.RESOLVED, Remedy.FULL_REFUND, 12900, 0, LiableParty.MERCHANT, at(30));
        deliver(refund);
        deliver(refund);
        deliver(outcome(c2, OutcomeResult.RESOLVED, Remedy.PARTIAL_REFUND, 5000, 1000, LiableParty.MERCHANT, at(48)));
        deliver(outcome(c3, OutcomeResult.REJECTED, Remedy.REJECT, 0, 0, LiableParty.USER, at(17)));
        SlaEvent breach = sla("C-2", SlaEventKind.BREACHED, SlaClock.FIRST_RESPONSE, at(5), null);
        deliver(breach);
        deliver(breach);
        deliver(sla("C-2", SlaEventKind.BREACHED, SlaClock.FIRST_RESPONSE, at(6), null));
        deliver(sla("C-2", SlaEventKind.BREACHED, SlaClock.RESOLUTION, at(40), null));
        deliver(sla("C-2", SlaEventKind.ESCALATED, SlaClock.RESOLUTION, at(40), null));
        deliver(sla("C-3", SlaEventKind.WARNING, SlaClock.FIRST_RESPONSE, at(1), null));
        deliver(caseVersion(c1, 4, CaseState.REOPENED, at(35), at(5), 1));
        deliver(caseVersion(c1, 5, CaseState.IN_PROGRESS, at(36), at(5), 1));
        deliver(survey("C-1", 2, at(31)));
        deliver(survey("C-2", 5, at(50)));
        deliver(survey("C-3", 9, at(20)));

        Tally firstResponse = tally(Metric.FIRST_RESPONSE, Dimension.TEAM, "t");
        assertThat(firstResponse.count()).isEqualTo(3);
        assertThat(firstResponse.median()).isEqualTo(300);
        assertThat(firstResponse.p95()).isEqualTo(600);
        Tally resolution = tally(Metric.RESOLUTION, Dimension.TEAM, "t");
        assertThat(resolution.count()).isEqualTo(3);
        assertThat(resolution.median()).isEqualTo(1800);
        assertThat(resolution.p95()).isEqualTo(2880);
        assertThat(tally(Metric.RESOLUTION, Dimension.RESULT, "REJECTED").count()).isEqualTo(1);

        assertThat(tally(Metric.SLA_BREACHES, Dimension.TEAM, "t").count()).isEqualTo(2);
        assertThat(tally(Metric.SLA_BREACHES, Dimension.CLOCK, "FIRST_RESPONSE").count()).isEqualTo(1);
        assertThat(tally(Metric.BREACHED_COMPLAINTS, Dimension.TYPE, "PRODUCT_QUALITY").count()).isEqualTo(1);
        assertThat(tally(Metric.ESCALATIONS, Dimension.SEVERITY, "HIGH").count()).isEqualTo(1);
        // the warning had no attributes of its own: they come from the complaint
        assertThat(tally(Metric.SLA_WARNINGS, Dimension.TYPE, "LOGISTICS").count()).isEqualTo(1);

        Tally remedies = tally(Metric.REMEDIES, Dimension.ALL, "all");
        assertThat(remedies.count()).isEqualTo(2);
        assertThat(remedies.sum()).isEqualTo(12900 + 5000 + 1000);
        assertThat(tally(Metric.REMEDIES, Dimension.REMEDY, "REJECT").count()).isZero();
        assertThat(tally(Metric.LIABILITY, Dimension.LIABLE_PARTY, "MERCHANT").count()).isEqualTo(2);
        assertThat(tally(Metric.LIABILITY, Dimension.LIABLE_PARTY, "USER").count()).isEqualTo(1);

        assertThat(tally(Metric.REOPENED, Dimension.TEAM, "t").count()).isEqualTo(1);
        Tally satisfaction = tally(Metric.SATISFACTION, Dimension.TEAM, "t");
        assertThat(satisfaction.count()).isEqualTo(3);
        assertThat(satisfaction.sum()).isEqualTo(2 + 5 + 5);
        assertThat(tally(Metric.SATISFACTION, Dimension.SCORE, "5").count()).isEqualTo(2);
    }

    @Test
    void merchantTimeoutsAreCountedPerMerchantAndNotInThePlatformsBreachRate() {
        Events.About other = new Events.About("M-2", "A-1", "R-1", "S-1", "SKU-1");
        ComplaintTriaged late = triaged("C-m1", ComplaintType.AFTER_SALES_POLICY, Channel.ORDER_PAGE, Severity.MEDIUM, "t", ABOUT, at(0), null);
        ComplaintTriaged answered = triaged("C-m2", ComplaintType.AFTER_SALES_POLICY, Channel.ORDER_PAGE, Severity.MEDIUM, "t", ABOUT, at(0), null);
        ComplaintTriaged lateElsewhere = triaged("C-m3", ComplaintType.AFTER_SALES_POLICY, Channel.ORDER_PAGE, Severity.MEDIUM, "t", other, at(0), null);
        for (ComplaintTriaged t : java.util.List.of(late, answered, lateElsewhere)) {
            deliver(t);
            deliver(ComplaintCase.newBuilder(caseVersion(t, 2, CaseState.AWAITING_MERCHANT, at(10), at(5), 0))
                    .setMerchantId(t.getComplaint().getEnrichment().getMerchantId()).setMerchantRequestedAt(at(10)).build());
        }
        SlaEvent timeout = sla("C-m1", SlaEventKind.BREACHED, SlaClock.MERCHANT_RESPONSE, at(10 + 48 * 60), null);
        deliver(timeout);
        deliver(sla("C-m1", SlaEventKind.WARNING, SlaClock.MERCHANT_RESPONSE, at(10 + 47 * 60), null));
        deliver(sla("C-m3", SlaEventKind.BREACHED, SlaClock.MERCHANT_RESPONSE, at(10 + 48 * 60), null));
        deliver(sla("C-m3", SlaEventKind.BREACHED, SlaClock.MERCHANT_RESPONSE, at(11 + 48 * 60), null)); // a second timer: once per complaint

        assertThat(tally(Metric.MERCHANT_REQUESTS, Dimension.MERCHANT, "M-1").count()).isEqualTo(2);
        assertThat(tally(Metric.MERCHANT_TIMEOUTS, Dimension.MERCHANT, "M-1").count()).isEqualTo(1);
        assertThat(tally(Metric.MERCHANT_REQUESTS, Dimension.MERCHANT, "M-2").count()).isEqualTo(1);
        assertThat(tally(Metric.MERCHANT_TIMEOUTS, Dimension.MERCHANT, "M-2").count()).isEqualTo(1);
        assertThat(tally(Metric.MERCHANT_TIMEOUTS, Dimension.ALL, "all").count()).isEqualTo(2);
        assertThat(tally(Metric.MERCHANT_REQUESTS, Dimension.ALL, "all").count()).isEqualTo(3);
        // the platform's SLA figures: no breach, no breached complaint, no warning from the merchant's clock
        assertThat(tally(Metric.SLA_BREACHES, Dimension.ALL, "all").count()).isZero();
        assertThat(tally(Metric.BREACHED_COMPLAINTS, Dimension.ALL, "all").count()).isZero();
        assertThat(tally(Metric.SLA_WARNINGS, Dimension.ALL, "all").count()).isZero();
        assertThat(tally(Metric.COMPLAINTS, Dimension.ALL, "all").count()).isEqualTo(3);

        // a platform clock that breaches as well still counts as the platform's
        deliver(sla("C-m1", SlaEventKind.BREACHED, SlaClock.RESOLUTION, at(4000), null));
        assertThat(tally(Metric.BREACHED_COMPLAINTS, Dimension.ALL, "all").count()).isEqualTo(1);
    }

    @Test
    void aMerchantTimeoutWhoseRequestWasNotSeenCountsTheRequestTooSoTheRateStaysWithinOne() {
        deliver(triaged("C-m4", ComplaintType.AFTER_SALES_POLICY, Channel.ORDER_PAGE, Severity.MEDIUM, "t", ABOUT, at(0), null));
        deliver(sla("C-m4", SlaEventKind.BREACHED, SlaClock.MERCHANT_RESPONSE, at(60), null));
        assertThat(tally(Metric.MERCHANT_REQUESTS, Dimension.MERCHANT, "M-1").count()).isEqualTo(1);
        assertThat(tally(Metric.MERCHANT_TIMEOUTS, Dimension.MERCHANT, "M-1").count()).isEqualTo(1);
    }

    @Test
    void eachOrderCountsUnderItsMerchantAnchorAndProduct() {
        var observations = OrderCounting.observe(Events.order("O-1", OrderStatus.PAID, ABOUT, at(0)));
        assertThat(observations).extracting(o -> o.key().toString()).containsExactlyInAnyOrder(
                "orders|all|all", "orders|merchant|M-1", "orders|anchor|A-1", "orders|product|SKU-1", "orders|room|R-1",
                "orders|session|S-1");
        assertThat(observations).allMatch(o -> o.at().equals(at(0)) && o.value() == 1);
    }

    @Test
    void profilesSurviveTheirStateJson() {
        ComplaintProfile profile = new ComplaintProfile();
        profile.learn(new Attributes("LOGISTICS", "IM", "LOW", "logistics"), at(0));
        profile.firstDelivery("E-1");
        profile.markCounted();
        profile.markBreached("RESOLUTION");
        profile.learnMerchant("M-7");
        profile.markMerchantRequested();
        profile.markWithdrawn();
        profile.correctionsCounted(2);
        profile.seenAt(at(5));
        ComplaintProfile copy = throughItsState(profile);
        assertThat(copy.attributes()).isEqualTo(profile.attributes());
        assertThat(copy.merchantId()).isEqualTo("M-7");
        assertThat(copy.markMerchantRequested()).isFalse();
        assertThat(copy.markMerchantTimedOut()).isTrue();
        assertThat(copy.receivedAt()).isEqualTo(at(0));
        assertThat(copy.firstDelivery("E-1")).isFalse();
        assertThat(copy.markCounted()).isFalse();
        assertThat(copy.markBreached("RESOLUTION")).isFalse();
        assertThat(copy.markBreached("FIRST_RESPONSE")).isTrue();
        assertThat(copy.markDecided()).isTrue();
        assertThat(copy.markWithdrawn()).isFalse();
        assertThat(copy.correctionsCounted()).isEqualTo(2);
        assertThat(copy.lastSeenAt()).isEqualTo(at(5));
        assertThat(ComplaintProfile.of(null).markCounted()).isTrue();
    }
}
