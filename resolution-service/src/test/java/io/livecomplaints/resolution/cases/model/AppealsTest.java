package io.livecomplaints.resolution.cases.model;

import static io.livecomplaints.resolution.support.Fixtures.command;
import static io.livecomplaints.resolution.support.Fixtures.fullRefund;
import static io.livecomplaints.resolution.support.Fixtures.merchant;
import static io.livecomplaints.resolution.support.Fixtures.policies;
import static io.livecomplaints.resolution.support.Fixtures.supervisor;
import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import io.livecomplaints.resolution.sla.model.SlaTimer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Appeals (申诉) as plain rules: what may be appealed, by whom, within which window, and what an overturn undoes. */
class AppealsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    /** A case the merchant never answered: auto-approved (超时自动同意) at T0 + 48 h. */
    private static ComplaintCase autoApproved() {
        ComplaintCase opened = CaseOpening.open(triaged("C-ap", T0).build(), null, policies(), T0).result();
        ComplaintCase accepted = handle(opened, CommandAction.ACCEPT, supervisor("S-1", AgentTier.SUPERVISOR), T0.plusSeconds(10), null);
        ComplaintCase asked = CaseCommands.handle(accepted, command("C-ap", supervisor("S-1", AgentTier.SUPERVISOR),
                CommandAction.REQUEST_MERCHANT_RESPONSE, T0).setDecision(fullRefund(29_900)).build(), policies(), T0.plusSeconds(20)).result();
        assertThat(asked.getState()).isEqualTo(CaseState.AWAITING_MERCHANT);
        Instant due = SlaClocks.find(asked.getSlaClocks(), SlaClock.MERCHANT_RESPONSE).orElseThrow().getDueAt();
        ComplaintCase decided = CaseTimers.fire(asked, new SlaTimer(due, "C-ap", SlaTimer.Kind.DEADLINE, SlaClock.MERCHANT_RESPONSE),
                policies(), due).orElseThrow().result();
        assertThat(decided.getAutoApproved()).isTrue();
        return decided;
    }

    private static ComplaintCase handle(ComplaintCase c, CommandAction action, io.livecomplaints.events.Actor actor, Instant at, String note) {
        return CaseCommands.handle(c, command("C-ap", actor, action, at).setNote(note).build(), policies(), at).result();
    }

    private static CaseChange change(ComplaintCase c, CommandAction action, io.livecomplaints.events.Actor actor, Instant at, String note) {
        return CaseCommands.handle(c, command("C-ap", actor, action, at).setNote(note).build(), policies(), at);
    }

    @Test
    void theMerchantAppealsAnAutoApprovalWithinTheWindowAndAnOverturnTakesTheTimeoutOffItsRecord() {
        ComplaintCase decided = autoApproved();
        Instant decidedAt = Appeals.decidedAt(decided).orElseThrow();

        CaseChange filed = change(decided, CommandAction.APPEAL, merchant("M-1"), decidedAt.plus(Duration.ofDays(6)), "买家已签收，系统未推送通知");
        assertThat(filed.refusal()).isEmpty();
        assertThat(filed.result().getAppeal().getStatus()).isEqualTo(Appeals.PENDING);
        assertThat(filed.result().getAppeal().getAbout()).isEqualTo(Appeals.AUTO_APPROVAL);
        assertThat(filed.result().getState()).isEqualTo(CaseState.RESOLVED);

        CaseChange again = change(filed.result(), CommandAction.APPEAL, merchant("M-1"), decidedAt.plus(Duration.ofDays(6)), "again");
        assertThat(again.refusal()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.ILLEGAL_TRANSITION));

        CaseChange overturned = change(filed.result(), CommandAction.APPEAL_OVERTURNED, supervisor("S-2", AgentTier.SUPERVISOR),
                decidedAt.plus(Duration.ofDays(7)), "通知链路故障，非商家责任");
        assertThat(overturned.refusal()).isEmpty();
        assertThat(overturned.result().getAppeal().getStatus()).isEqualTo(Appeals.OVERTURNED);
        assertThat(overturned.creditDeltas()).singleElement().satisfies(d -> {
            assertThat(d.getSubjectId()).isEqualTo("M-1");
            assertThat(d.getMerchantTimeouts()).isEqualTo(-1);
        });
    }

    @Test
    void anAppealAfterTheWindowIsRefusedAsAConflict() {
        ComplaintCase decided = autoApproved();
        Instant decidedAt = Appeals.decidedAt(decided).orElseThrow();
        CaseChange late = change(decided, CommandAction.APPEAL, merchant("M-1"), decidedAt.plus(Duration.ofDays(7)).plusSeconds(1), "late");
        assertThat(late.refusal()).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.ILLEGAL_TRANSITION);
            assertThat(r.reason()).contains("appeal window closed");
        });
    }

    @Test
    void onlyTheChargedMerchantAppealsOnlyChargesItDidNotConsentToAndOnlyASupervisorDecides() {
        ComplaintCase decided = autoApproved();
        Instant at = Appeals.decidedAt(decided).orElseThrow().plusSeconds(60);
        assertThat(change(decided, CommandAction.APPEAL, merchant("M-2"), at, "x").refusal())
                .hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        assertThat(change(decided, CommandAction.APPEAL, merchant("M-1"), at, " ").refusal())
                .hasValueSatisfying(r -> assertThat(r.fields()).containsKey("reason"));
        ComplaintCase agreed = ComplaintCase.newBuilder(decided).setAutoApproved(false).setPlatformAdvanced(false).build();
        assertThat(change(agreed, CommandAction.APPEAL, merchant("M-1"), at, "x").refusal())
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("only an auto-approval"));
        ComplaintCase filed = change(decided, CommandAction.APPEAL, merchant("M-1"), at, "x").result();
        assertThat(change(filed, CommandAction.APPEAL_OVERTURNED, io.livecomplaints.resolution.support.Fixtures.agent("A-1", AgentTier.MANAGER),
                at, "x").refusal()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        CaseChange upheld = change(filed, CommandAction.APPEAL_UPHELD, supervisor("S-2", AgentTier.SUPERVISOR), at, "证据不足");
        assertThat(upheld.result().getAppeal().getStatus()).isEqualTo(Appeals.UPHELD);
        assertThat(upheld.creditDeltas()).isEmpty();
    }
}
