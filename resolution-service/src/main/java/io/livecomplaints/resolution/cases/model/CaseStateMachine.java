package io.livecomplaints.resolution.cases.model;

import static io.livecomplaints.events.CaseState.*;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The case states of DOMAIN.md and the actions each state allows:
 * TRIAGED → ASSIGNED → IN_PROGRESS → (AWAITING_APPROVAL | AWAITING_MERCHANT | ESCALATED)* → RESOLVED → CLOSED,
 * REJECTED with the rule it rests on, REOPENED when the user disputes the result. Any other action is refused.
 */
public final class CaseStateMachine {

    /** States in which the case is still being handled. */
    public static final Set<CaseState> OPEN = EnumSet.of(RECEIVED, TRIAGED, ASSIGNED, IN_PROGRESS, AWAITING_APPROVAL,
            AWAITING_MERCHANT, ESCALATED, REOPENED);

    private static final Map<CommandAction, Set<CaseState>> ALLOWED = new EnumMap<>(CommandAction.class);

    static {
        ALLOWED.put(CommandAction.ACCEPT, EnumSet.of(TRIAGED, ASSIGNED, ESCALATED, REOPENED));
        ALLOWED.put(CommandAction.REASSIGN, EnumSet.of(TRIAGED, ASSIGNED, IN_PROGRESS, ESCALATED, REOPENED));
        ALLOWED.put(CommandAction.ADD_EVIDENCE, EnumSet.copyOf(OPEN));
        ALLOWED.put(CommandAction.PROGRESS_NOTE, EnumSet.copyOf(OPEN));
        ALLOWED.put(CommandAction.REQUEST_MERCHANT_RESPONSE, EnumSet.of(IN_PROGRESS, ESCALATED));
        ALLOWED.put(CommandAction.MERCHANT_RESPONDED, EnumSet.of(AWAITING_MERCHANT));
        ALLOWED.put(CommandAction.PROPOSE_REMEDY, EnumSet.of(IN_PROGRESS, ESCALATED));
        ALLOWED.put(CommandAction.APPROVE, EnumSet.of(AWAITING_APPROVAL));
        ALLOWED.put(CommandAction.DENY, EnumSet.of(AWAITING_APPROVAL));
        ALLOWED.put(CommandAction.ESCALATE, EnumSet.of(TRIAGED, ASSIGNED, IN_PROGRESS, ESCALATED, REOPENED));
        ALLOWED.put(CommandAction.RESOLVE, EnumSet.of(IN_PROGRESS, ESCALATED));
        ALLOWED.put(CommandAction.REJECT, EnumSet.of(IN_PROGRESS, ESCALATED));
        ALLOWED.put(CommandAction.REOPEN, EnumSet.of(RESOLVED, REJECTED, CLOSED));
        ALLOWED.put(CommandAction.CLOSE, EnumSet.of(RESOLVED, REJECTED));
        ALLOWED.put(CommandAction.INTERNAL_NOTE, EnumSet.allOf(CaseState.class));
        ALLOWED.put(CommandAction.USER_ADDITION, EnumSet.copyOf(OPEN));
        ALLOWED.put(CommandAction.WITHDRAW, EnumSet.copyOf(OPEN));
        ALLOWED.put(CommandAction.TRANSFER, EnumSet.of(TRIAGED, ASSIGNED, IN_PROGRESS, ESCALATED, REOPENED));
        ALLOWED.put(CommandAction.RECLASSIFY, EnumSet.copyOf(OPEN));
        ALLOWED.put(CommandAction.APPEAL, EnumSet.of(RESOLVED, CLOSED));
        ALLOWED.put(CommandAction.APPEAL_UPHELD, EnumSet.of(RESOLVED, CLOSED));
        ALLOWED.put(CommandAction.APPEAL_OVERTURNED, EnumSet.of(RESOLVED, CLOSED));
    }

    private CaseStateMachine() {
    }

    /** Empty when {@code action} is allowed in {@code state}, else the refusal naming the illegal transition. */
    public static Optional<Refusal> check(CaseState state, CommandAction action) {
        Set<CaseState> from = ALLOWED.getOrDefault(action, Set.of());
        if (from.contains(state)) {
            return Optional.empty();
        }
        return Optional.of(Refusal.illegal(action + " is not allowed in state " + state
                + " (allowed in " + from + ")"));
    }

    /** The actions a case in {@code state} allows. */
    public static Set<CommandAction> allowedIn(CaseState state) {
        Set<CommandAction> actions = EnumSet.noneOf(CommandAction.class);
        ALLOWED.forEach((action, states) -> {
            if (states.contains(state)) {
                actions.add(action);
            }
        });
        return actions;
    }
}
