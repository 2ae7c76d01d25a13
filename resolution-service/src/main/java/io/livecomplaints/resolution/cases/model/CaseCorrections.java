package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.CaseCorrection;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.CorrectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Corrections of triage's routing. A transfer moves a misrouted case to another team: it waits there unassigned
 * (TRIAGED) with the team it left in {@code transferredFrom}, so triage frees the former assignee's slot. A
 * reclassification corrects the type and keeps everything else. Each is kept in {@code corrections} with the reason:
 * analytics counts them per type, triage learns from them as labelled examples.
 */
public final class CaseCorrections {

    private CaseCorrections() {
    }

    static Optional<Refusal> transfer(CaseChange change, ComplaintCommand command) {
        String to = command.getTargetTeam();
        String from = change.before().getTeam();
        if (to == null || to.isBlank()) {
            return Optional.of(Refusal.invalid("targetTeam is required"));
        }
        if (blank(command.getNote())) {
            return Optional.of(Refusal.invalid("a transfer needs its reason (note)"));
        }
        if (to.equals(from)) {
            return Optional.of(Refusal.noChange("the case is already in team " + from));
        }
        change.next().setTeam(to).setAssigneeId(null).setTransferredFrom(from);
        record(change, command, CorrectionKind.TRANSFER, from, to);
        // it waits in the new team's queue; an escalated case stays escalated (still before the supervisors)
        CaseState next = change.before().getState() == CaseState.ESCALATED ? CaseState.ESCALATED : CaseState.TRIAGED;
        change.step("TRANSFER", next, command.getActor().getActorId(), from + " → " + to + ": " + command.getNote());
        return Optional.empty();
    }

    static Optional<Refusal> reclassify(CaseChange change, ComplaintCommand command) {
        ComplaintType to = command.getTargetType();
        ComplaintType from = change.before().getType();
        if (to == null) {
            return Optional.of(Refusal.invalid("targetType is required"));
        }
        if (blank(command.getNote())) {
            return Optional.of(Refusal.invalid("a reclassification needs its reason (note)"));
        }
        if (to == from) {
            return Optional.of(Refusal.noChange("the case already has type " + from));
        }
        List<ComplaintType> secondary = new ArrayList<>(change.before().getSecondaryTypes());
        secondary.remove(to);
        change.next().setType(to).setSecondaryTypes(secondary);
        record(change, command, CorrectionKind.RECLASSIFY, from.name(), to.name());
        change.note("RECLASSIFY", command.getActor().getActorId(), from + " → " + to + ": " + command.getNote());
        return Optional.empty();
    }

    private static void record(CaseChange change, ComplaintCommand command, CorrectionKind kind, String from, String to) {
        List<CaseCorrection> corrections = new ArrayList<>(change.before().getCorrections());
        corrections.add(CaseCorrection.newBuilder().setKind(kind).setFrom(from).setTo(to).setReason(command.getNote())
                .setActorId(command.getActor().getActorId()).setAt(change.at())
                .setCommandId(command.getEnvelope().getEventId()).build());
        change.next().setCorrections(corrections);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
