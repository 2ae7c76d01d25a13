package io.livecomplaints.resolution.cases.model;

import static io.livecomplaints.events.CaseState.*;
import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every action in every state: applied with the expected next state, or refused as an illegal transition. */
class CaseStateMachineTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    /** The expected state after each action, per state it is allowed in (from DOMAIN.md's lifecycle). */
    private static final Map<CommandAction, Map<CaseState, CaseState>> EXPECTED = new EnumMap<>(CommandAction.class);

    static {
        expect(CommandAction.ACCEPT, Map.of(TRIAGED, IN_PROGRESS, ASSIGNED, IN_PROGRESS, ESCALATED, IN_PROGRESS, REOPENED, IN_PROGRESS));
        expect(CommandAction.REASSIGN, Map.of(TRIAGED, ASSIGNED, ASSIGNED, ASSIGNED, IN_PROGRESS, ASSIGNED, ESCALATED, ASSIGNED, REOPENED, ASSIGNED));
        expect(CommandAction.ADD_EVIDENCE, same(RECEIVED, TRIAGED, ASSIGNED, IN_PROGRESS, AWAITING_APPROVAL, AWAITING_MERCHANT, ESCALATED, REOPENED));
        expect(CommandAction.PROGRESS_NOTE, same(RECEIVED, TRIAGED, ASSIGNED, IN_PROGRESS, AWAITING_APPROVAL, AWAITING_MERCHANT, ESCALATED, REOPENED));
        expect(CommandAction.REQUEST_MERCHANT_RESPONSE, Map.of(IN_PROGRESS, AWAITING_MERCHANT, ESCALATED, AWAITING_MERCHANT));
        expect(CommandAction.MERCHANT_RESPONDED, Map.of(AWAITING_MERCHANT, RESOLVED));
        expect(CommandAction.PROPOSE_REMEDY, Map.of(IN_PROGRESS, AWAITING_APPROVAL, ESCALATED, AWAITING_APPROVAL));
        expect(CommandAction.APPROVE, Map.of(AWAITING_APPROVAL, RESOLVED));
        expect(CommandAction.DENY, Map.of(AWAITING_APPROVAL, IN_PROGRESS));
        expect(CommandAction.ESCALATE, Map.of(TRIAGED, ESCALATED, ASSIGNED, ESCALATED, IN_PROGRESS, ESCALATED, ESCALATED, ESCALATED, REOPENED, ESCALATED));
        expect(CommandAction.RESOLVE, Map.of(IN_PROGRESS, RESOLVED, ESCALATED, RESOLVED));
        expect(CommandAction.REJECT, Map.of(IN_PROGRESS, REJECTED, ESCALATED, REJECTED));
        expect(CommandAction.REOPEN, Map.of(RESOLVED, REOPENED, REJECTED, REOPENED, CLOSED, REOPENED));
        expect(CommandAction.CLOSE, Map.of(RESOLVED, CLOSED, REJECTED, CLOSED));
        expect(CommandAction.INTERNAL_NOTE, same(CaseState.values()));
        expect(CommandAction.USER_ADDITION, same(RECEIVED, TRIAGED, ASSIGNED, IN_PROGRESS, AWAITING_APPROVAL, AWAITING_MERCHANT, ESCALATED, REOPENED));
        Map<CaseState, CaseState> withdraw = new EnumMap<>(CaseState.class);
        for (CaseState open : List.of(RECEIVED, TRIAGED, ASSIGNED, IN_PROGRESS, AWAITING_APPROVAL, AWAITING_MERCHANT, ESCALATED, REOPENED)) {
            withdraw.put(open, CLOSED);
        }
        expect(CommandAction.WITHDRAW, withdraw);
        expect(CommandAction.TRANSFER, Map.of(TRIAGED, TRIAGED, ASSIGNED, TRIAGED, IN_PROGRESS, TRIAGED, ESCALATED, ESCALATED, REOPENED, TRIAGED));
        expect(CommandAction.RECLASSIFY, same(RECEIVED, TRIAGED, ASSIGNED, IN_PROGRESS, AWAITING_APPROVAL, AWAITING_MERCHANT, ESCALATED, REOPENED));
        expect(CommandAction.APPEAL, same(RESOLVED, CLOSED));
        expect(CommandAction.APPEAL_UPHELD, same(RESOLVED, CLOSED));
        expect(CommandAction.APPEAL_OVERTURNED, same(RESOLVED, CLOSED));
    }

    private static void expect(CommandAction action, Map<CaseState, CaseState> transitions) {
        EXPECTED.put(action, transitions);
    }

    private static Map<CaseState, CaseState> same(CaseState... states) {
        Map<CaseState, CaseState> map = new EnumMap<>(CaseState.class);
        for (CaseState s : states) {
            map.put(s, s);
        }
        return map;
    }

    static Stream<Arguments> everyStateAndAction() {
        return Stream.of(CaseState.values()).flatMap(s -> Stream.of(CommandAction.values()).map(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("everyStateAndAction")
    void eachActionIsAppliedOrRefusedAsTheLifecycleSays(CaseState state, CommandAction action) {
        ComplaintCase c = caseIn(state);
        if (action == CommandAction.APPEAL_UPHELD || action == CommandAction.APPEAL_OVERTURNED) {
            c = ComplaintCase.newBuilder(c).setAppeal(io.livecomplaints.events.Appeal.newBuilder().setAppellantId("M-1")
                    .setAppellantRole("MERCHANT").setAbout("PLATFORM_ADVANCE").setReason("r").setFiledAt(T0).setStatus("PENDING")
                    .build()).build();
        }
        CaseChange change = CaseCommands.handle(c, validCommand(action), policies(), T0.plusSeconds(60));

        CaseState expected = EXPECTED.get(action).get(state);
        if (expected == null) {
            assertThat(change.refusal()).hasValueSatisfying(r -> {
                assertThat(r.kind()).isEqualTo(Refusal.Kind.ILLEGAL_TRANSITION);
                assertThat(r.reason()).contains(action + " is not allowed in state " + state);
            });
            assertThat(change.result().getState()).isEqualTo(state);
            assertThat(change.result().getTimeline().get(change.result().getTimeline().size() - 1).getAction())
                    .isEqualTo(action + "_REFUSED");
        } else {
            assertThat(change.refusal()).isEmpty();
            assertThat(change.result().getState()).isEqualTo(expected);
            assertThat(change.result().getVersion()).isEqualTo(c.getVersion() + 1);
        }
    }

    /** A case in the given state with what that state implies (a pending proposal, a merchant request, a decision). */
    static ComplaintCase caseIn(CaseState state) {
        ComplaintCase opened = CaseOpening.open(triaged("C-sm", T0).build(), null, policies(), T0).result();
        ComplaintCase.Builder c = ComplaintCase.newBuilder(opened).setState(state).setAssigneeId("A-1");
        if (state == AWAITING_APPROVAL) {
            c.setPendingDecision(refund(10_000)).setPendingProposedBy("A-0").setRequiredTier(AgentTier.INTERMEDIATE);
        }
        if (state == AWAITING_MERCHANT) {
            c.setPendingDecision(fullRefund(29_900)).setPendingProposedBy("A-1").setMerchantRequestedAt(T0);
        }
        if (state == RESOLVED || state == REJECTED || state == CLOSED) {
            c.setDecision(state == REJECTED ? rejection("R-1") : refund(10_000)).setPlatformAdvanced(state != REJECTED);
        }
        return c.build();
    }

    /** A complete command by someone allowed to give it (a MANAGER supervisor, the merchant, the user). */
    static ComplaintCommand validCommand(CommandAction action) {
        Actor actor = supervisor("SUP-1", AgentTier.MANAGER);
        if (action == CommandAction.MERCHANT_RESPONDED || action == CommandAction.APPEAL) {
            actor = merchant("M-1");
        }
        if (action == CommandAction.USER_ADDITION || action == CommandAction.WITHDRAW) {
            actor = user("U-1");
        }
        ComplaintCommand.Builder b = command("C-sm", actor, action, T0).setNote("note");
        switch (action) {
            case REASSIGN:
                b.setTargetAgentId("A-2");
                break;
            case ADD_EVIDENCE:
                b.setEvidence(List.of(Evidence.newBuilder().setKind(EvidenceKind.PHOTO).setUrl("https://img.example.com/1.jpg").build()));
                break;
            case REQUEST_MERCHANT_RESPONSE:
            case RESOLVE:
                b.setDecision(refund(10_000));
                break;
            case PROPOSE_REMEDY:
                b.setActor(Actor.newBuilder(actor).setRole(ActorRole.AGENT).setTier(AgentTier.JUNIOR).setTeam(TEAM).setActorId("A-1").build())
                        .setDecision(refund(10_000));
                break;
            case MERCHANT_RESPONDED:
                b.setMerchantAgrees(true);
                break;
            case REJECT:
                b.setDecision(rejection("RULE-1"));
                break;
            case TRANSFER:
                b.setTargetTeam("logistics");
                break;
            case RECLASSIFY:
                b.setTargetType(io.livecomplaints.events.ComplaintType.LOGISTICS);
                break;
            default:
                break;
        }
        return b.build();
    }
}
