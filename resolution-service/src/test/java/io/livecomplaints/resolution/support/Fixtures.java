package io.livecomplaints.resolution.support;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.Classification;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.resolution.cases.model.AgentDirectory;
import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.resolution.cases.model.CaseSizeBound;
import io.livecomplaints.resolution.fastpath.model.ExpressRefundPolicy;
import io.livecomplaints.resolution.fastpath.model.UserStanding;
import io.livecomplaints.resolution.remedies.model.AuthorityLadder;
import io.livecomplaints.resolution.remedies.model.TierLimit;
import io.livecomplaints.resolution.retention.model.ReplayRetentionPolicy;
import io.livecomplaints.resolution.sla.model.BusinessCalendar;
import io.livecomplaints.resolution.sla.model.SlaPolicy;
import io.livecomplaints.resolution.sla.model.WarningPolicy;
import io.livecomplaints.schemas.envelope.Envelopes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Events and policies for tests, with DOMAIN.md's numbers (the same as application.yml). */
public final class Fixtures {

    public static final String TEAM = "after-sales";

    private Fixtures() {
    }

    public static AuthorityLadder ladder() {
        return new AuthorityLadder(Map.of(
                AgentTier.JUNIOR, new TierLimit(5_000L, 0L),
                AgentTier.INTERMEDIATE, new TierLimit(20_000L, 5_000L),
                AgentTier.SENIOR, new TierLimit(50_000L, 20_000L),
                AgentTier.SUPERVISOR, new TierLimit(100_000L, 50_000L),
                AgentTier.MANAGER, TierLimit.UNLIMITED));
    }

    /** Default policies, on a 24×7 calendar so that test arithmetic stays obvious. */
    public static CasePolicies policies() {
        return policies(BusinessCalendar.ALWAYS_OPEN);
    }

    public static CasePolicies policies(BusinessCalendar calendar) {
        SlaPolicy sla = new SlaPolicy(Duration.ofHours(72),
                Map.of(Severity.LOW, Duration.ofHours(24), Severity.MEDIUM, Duration.ofHours(48), Severity.HIGH, Duration.ofHours(120)),
                Map.of(Channel.REGULATOR, Duration.ofHours(24), Channel.SOCIAL_MEDIA, Duration.ofHours(24)),
                Duration.ofHours(48), new WarningPolicy(Duration.ofHours(2), 0.2), calendar, Map.of());
        return new CasePolicies(ladder(), sla,
                new ExpressRefundPolicy(true, 5_000, Set.of(ComplaintType.FUNDS_SAFETY), new UserStanding(1, 10)),
                new ReplayRetentionPolicy(Duration.ofDays(180)), Duration.ofDays(7), sizeBound(), agents());
    }

    /** application.yml's case size bound: 50 evidence items, 512 KiB text budget, 768 KiB largest case. */
    public static CaseSizeBound sizeBound() {
        return new CaseSizeBound(512 * 1024, 768 * 1024, 50);
    }

    /** The agents of the test teams: and the roster's AS-01…AS-04 in after-sales, L-1, L-2 in logistics. */
    public static AgentDirectory agents() {
        return new AgentDirectory(Map.of(TEAM, List.of("A-1", "A-2", "AS-01", "AS-02", "AS-03", "AS-04"),
                "logistics", List.of("L-1", "L-2")));
    }

    /** A triaged MEDIUM product complaint on an order of ¥299 from merchant M-1, waiting in the team queue. */
    public static ComplaintTriaged.Builder triaged(String complaintId, Instant receivedAt) {
        ComplaintReceived complaint = ComplaintReceived.newBuilder()
                .setEnvelope(Envelopes.create(complaintId, "intake-service", null, receivedAt))
                .setUserId("U-1")
                .setChannel(Channel.ORDER_PAGE)
                .setText("收到的大衣和直播间展示的不一样")
                .setDemands(List.of(Demand.REFUND))
                .setOrderId("O-1")
                .setClaimedAmountFen(29_900L)
                .setSource("api")
                .setEnrichment(Enrichment.newBuilder().setOrderFound(true).setMerchantId("M-1").setAnchorId("A-1")
                        .setSkuId("SKU-1").setAmountPaidFen(29_900L).build())
                .setReceivedAt(receivedAt)
                .setFirstResponseDueAt(receivedAt.plus(Duration.ofMinutes(30)))
                .build();
        return ComplaintTriaged.newBuilder()
                .setEnvelope(Envelopes.create(complaintId, "triage-service", null, receivedAt))
                .setComplaint(complaint)
                .setClassification(Classification.newBuilder().setPrimaryType(ComplaintType.PRODUCT_QUALITY).build())
                .setSeverity(Severity.MEDIUM)
                .setPriority(50)
                .setTeam(TEAM);
    }

    /** A small claim (¥30 of a ¥30 order) that qualifies for 极速退款. */
    public static ComplaintTriaged smallClaim(String complaintId, Instant receivedAt) {
        ComplaintTriaged.Builder t = triaged(complaintId, receivedAt);
        ComplaintReceived c = ComplaintReceived.newBuilder(t.getComplaint()).setClaimedAmountFen(3_000L)
                .setEnrichment(Enrichment.newBuilder(t.getComplaint().getEnrichment()).setAmountPaidFen(3_000L).build()).build();
        return t.setComplaint(c).build();
    }

    public static Actor agent(String id, AgentTier tier) {
        return Actor.newBuilder().setActorId(id).setRole(ActorRole.AGENT).setTier(tier).setTeam(TEAM).build();
    }

    public static Actor supervisor(String id, AgentTier tier) {
        return Actor.newBuilder().setActorId(id).setRole(ActorRole.SUPERVISOR).setTier(tier).build();
    }

    public static Actor merchant(String id) {
        return Actor.newBuilder().setActorId(id).setRole(ActorRole.MERCHANT).build();
    }

    public static Actor user(String id) {
        return Actor.newBuilder().setActorId(id).setRole(ActorRole.USER).build();
    }

    public static ComplaintCommand.Builder command(String complaintId, Actor actor, CommandAction action, Instant at) {
        return ComplaintCommand.newBuilder()
                .setEnvelope(Envelopes.create(complaintId, "resolution-service", null, at))
                .setActor(actor)
                .setAction(action);
    }

    public static RemedyDecision refund(long fen) {
        return RemedyDecision.newBuilder().setRemedy(Remedy.PARTIAL_REFUND).setRefundFen(fen)
                .setLiableParty(LiableParty.MERCHANT).setReason("商品与直播间展示不符，按差价退款").build();
    }

    public static RemedyDecision fullRefund(long fen) {
        return RemedyDecision.newBuilder().setRemedy(Remedy.FULL_REFUND).setRefundFen(fen)
                .setLiableParty(LiableParty.MERCHANT).setReason("商品与直播间展示不符，全额退款").build();
    }

    public static RemedyDecision coupon(long fen) {
        return RemedyDecision.newBuilder().setRemedy(Remedy.COUPON).setCompensationFen(fen)
                .setLiableParty(LiableParty.MERCHANT).setReason("发货延迟，赔偿优惠券").build();
    }

    public static RemedyDecision exchange() {
        return RemedyDecision.newBuilder().setRemedy(Remedy.EXCHANGE)
                .setLiableParty(LiableParty.MERCHANT).setReason("尺码不符，换货").build();
    }

    public static RemedyDecision rejection(String ruleId) {
        return RemedyDecision.newBuilder().setRemedy(Remedy.REJECT).setLiableParty(LiableParty.USER).setRuleId(ruleId)
                .setReason("商品已签收超过7天且已使用，不符合七天无理由退货规则").build();
    }

    public static SurveyResponse survey(String complaintId, String userId, int score, boolean reopen, Instant at) {
        return SurveyResponse.newBuilder().setEnvelope(Envelopes.create(complaintId, "notification-service", null, at))
                .setUserId(userId).setScore(score).setReopenRequested(reopen).setComment(reopen ? "退款金额不对" : null).build();
    }
}
