package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the complainant does with their open case: adds material (text and evidence; the agents see it and the queue
 * shows it as new input until an agent acts on the case), or withdraws the complaint (撤诉): the case closes as
 * withdrawn, with no outcome and so no credit effect on anyone.
 */
public final class UserInput {

    private UserInput() {
    }

    static Optional<Refusal> addition(CaseChange change, ComplaintCommand command, CasePolicies policies) {
        boolean noText = command.getNote() == null || command.getNote().isBlank();
        if (noText && command.getEvidence().isEmpty()) {
            return Optional.of(Refusal.invalid("an addition needs text or evidence"));
        }
        String userId = command.getActor().getActorId();
        List<Evidence> added = new ArrayList<>();
        for (Evidence e : command.getEvidence()) {
            added.add(Evidence.newBuilder(e).setAddedBy(userId).setCapturedAt(e.getCapturedAt() == null ? change.at() : e.getCapturedAt()).build());
        }
        if (!added.isEmpty()) {
            List<Evidence> all = new ArrayList<>(change.before().getEvidence());
            all.addAll(added);
            change.next().setEvidence(all);
            change.retain(policies.replayRetention().forEvidence(change.before(), added, change.at(), change.envelope()));
        }
        change.next().setNewInputAt(change.at());
        change.note("USER_ADDITION", userId, (noText ? "" : command.getNote())
                + (added.isEmpty() ? "" : (noText ? "" : " ") + "[+" + added.size() + " evidence]"));
        return Optional.empty();
    }

    static Optional<Refusal> withdraw(CaseChange change, ComplaintCommand command) {
        if (command.getNote() == null || command.getNote().isBlank()) {
            return Optional.of(Refusal.invalid("a withdrawal needs its reason (note)"));
        }
        change.next().setWithdrawn(true).setNewInputAt(null);
        change.step("WITHDRAW", CaseState.CLOSED, command.getActor().getActorId(), command.getNote());
        return Optional.empty();
    }
}
