package io.livecomplaints.resolution.incidents.model;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.resolution.remedies.model.GrantedTotal;
import io.livecomplaints.resolution.remedies.model.RemedyRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One remedy for every open case of an incident (批量处理), planned before anything is applied: each case gets its own
 * decision (a FULL_REFUND without an amount refunds what that user paid), each decision must be a valid grant and
 * within the caller's tier of the authority ladder for that case's total — if one is not, nothing is applied (403 /
 * 400 for the whole call). A case waiting for the merchant or for an approval is left to that step; a case not yet
 * taken is accepted first, then resolved. Every case still goes through the case processor as its own command.
 */
public final class IncidentRemedyPlan {

    /** States in which the bulk remedy resolves the case (after accepting it where needed). */
    static final Set<CaseState> ACCEPT_FIRST = EnumSet.of(CaseState.TRIAGED, CaseState.ASSIGNED, CaseState.REOPENED);
    static final Set<CaseState> RESOLVABLE = EnumSet.of(CaseState.IN_PROGRESS, CaseState.ESCALATED);

    public record Step(ComplaintCase c, List<CommandAction> actions, RemedyDecision decision, String skipped) {
    }

    /** @param aboveAuthority cases whose total would exceed the caller's tier; @param invalid problems of a case's grant */
    public record Plan(List<Step> steps, List<String> aboveAuthority, Map<String, Map<String, String>> invalid) {
        public boolean allowed() {
            return aboveAuthority.isEmpty() && invalid.isEmpty();
        }
    }

    private IncidentRemedyPlan() {
    }

    public static Plan plan(List<ComplaintCase> openCases, Remedy remedy, Long refundFen, long compensationFen,
                            RemedyDecision template, AgentTier tier, CasePolicies policies) {
        List<Step> steps = new ArrayList<>();
        List<String> above = new ArrayList<>();
        Map<String, Map<String, String>> invalid = new LinkedHashMap<>();
        for (ComplaintCase c : openCases) {
            String id = c.getEnvelope().getComplaintId();
            if (!ACCEPT_FIRST.contains(c.getState()) && !RESOLVABLE.contains(c.getState())) {
                steps.add(new Step(c, List.of(), null, "left to its pending step (" + c.getState() + ")"));
                continue;
            }
            long refund = refundFen != null ? refundFen
                    : remedy == Remedy.FULL_REFUND && c.getAmountPaidFen() != null ? c.getAmountPaidFen() : 0;
            RemedyDecision decision = RemedyDecision.newBuilder(template).setRemedy(remedy).setRefundFen(refund)
                    .setCompensationFen(compensationFen).build();
            Map<String, String> problems = RemedyRules.checkGrant(decision, c.getAmountPaidFen(), policies.basis(), policies.penalties());
            if (!problems.isEmpty()) {
                invalid.put(id, problems);
                continue;
            }
            if (!policies.ladder().canGrant(tier, GrantedTotal.after(c, decision))) {
                above.add(id);
                continue;
            }
            steps.add(new Step(c, ACCEPT_FIRST.contains(c.getState()) ? List.of(CommandAction.ACCEPT, CommandAction.RESOLVE)
                    : List.of(CommandAction.RESOLVE), decision, null));
        }
        return new Plan(steps, above, invalid);
    }
}
