package io.livecomplaints.resolution.cases.model;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 20, findings 2, 11 and 12 where the case processor applies them (the API checks the same rules first): only
 * the merchant the case is about answers it; a case goes only to an agent of its team; evidence links follow the
 * shared rule.
 */
class CaseInputRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private static CaseChange handle(ComplaintCase c, ComplaintCommand.Builder command) {
        return CaseCommands.handle(c, command.build(), policies(), T0.plusSeconds(60));
    }

    @Test
    void onlyTheMerchantOfTheCaseAnswersItsRequest() {
        ComplaintCase waiting = CaseStateMachineTest.caseIn(CaseState.AWAITING_MERCHANT); // merchant M-1
        assertThat(handle(waiting, command("C-sm", merchant("M-2"), CommandAction.MERCHANT_RESPONDED, T0).setMerchantAgrees(true))
                .refusal()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        Actor system = Actor.newBuilder().setActorId("merchant-platform").setRole(ActorRole.SYSTEM).build();
        assertThat(handle(waiting, command("C-sm", system, CommandAction.MERCHANT_RESPONDED, T0).setMerchantAgrees(true))
                .refusal()).as("a system does not answer for a merchant").isPresent();
        assertThat(handle(waiting, command("C-sm", merchant("M-1"), CommandAction.MERCHANT_RESPONDED, T0).setMerchantAgrees(true))
                .result().getState()).isEqualTo(CaseState.RESOLVED);
        ComplaintCase decided = CaseStateMachineTest.caseIn(CaseState.RESOLVED);
        assertThat(handle(decided, command("C-sm", merchant("M-1"), CommandAction.REOPEN, T0).setNote("x")).refusal())
                .as("a merchant only answers requests").isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"L-1", "nobody-of-the-team", "<script>alert(1)</script>", "A 1", ""})
    void aCaseIsReassignedOnlyToAnAgentOfItsTeam(String target) {
        CaseChange change = handle(CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS),
                command("C-sm", agent("A-1", io.livecomplaints.events.AgentTier.JUNIOR), CommandAction.REASSIGN, T0)
                        .setTargetAgentId(target));
        assertThat(change.refusal()).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(r.reason()).startsWith("targetAgentId");
        });
    }

    @Test
    void aReassignmentToATeamAgentIsApplied() {
        CaseChange change = handle(CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS),
                command("C-sm", agent("A-1", io.livecomplaints.events.AgentTier.JUNIOR), CommandAction.REASSIGN, T0).setTargetAgentId("AS-02"));
        assertThat(change.result().getState()).isEqualTo(CaseState.ASSIGNED);
        assertThat(change.result().getAssigneeId()).isEqualTo("AS-02");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/"})
    void evidenceLinksFollowTheSharedRule(String url) {
        CaseChange change = handle(CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS),
                command("C-sm", agent("A-1", io.livecomplaints.events.AgentTier.JUNIOR), CommandAction.ADD_EVIDENCE, T0)
                        .setEvidence(List.of(Evidence.newBuilder().setKind(EvidenceKind.PHOTO).setUrl(url).build())));
        assertThat(change.refusal()).hasValueSatisfying(r -> assertThat(r.reason()).startsWith("evidence url"));
        assertThat(change.result().getEvidence()).isEmpty();
    }
}
