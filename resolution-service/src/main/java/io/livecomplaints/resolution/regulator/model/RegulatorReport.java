package io.livecomplaints.resolution.regulator.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.RegulatorTicket;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.TimelineEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The export for the regulators (12315, 消协): one CSV row per case with a regulator's ticket received in
 * [from, to), oldest first. RFC 4180: CRLF line ends, a field with a comma, quote or line break is quoted with its
 * quotes doubled; a text field starting with = + - or @ gets a leading apostrophe so that a spreadsheet does not
 * run it as a formula.
 */
public final class RegulatorReport {

    public static final List<String> COLUMNS = List.of("complaintId", "ticketReference", "authority", "ticketDeadline",
            "receivedAt", "state", "decision", "basis", "refundFen", "compensationFen", "decidedAt");

    private static final String EOL = "\r\n";

    private RegulatorReport() {
    }

    /** A case of the report: it carries a ticket and was received in [from, to). */
    public static boolean includes(ComplaintCase c, Instant from, Instant to) {
        return c.getRegulatorTicket() != null && !c.getReceivedAt().isBefore(from) && c.getReceivedAt().isBefore(to);
    }

    public static String csv(List<ComplaintCase> cases) {
        StringBuilder out = new StringBuilder();
        row(out, COLUMNS);
        cases.stream().sorted(Comparator.comparing(ComplaintCase::getReceivedAt)
                        .thenComparing(c -> c.getEnvelope().getComplaintId()))
                .forEach(c -> row(out, fields(c)));
        return out.toString();
    }

    static List<String> fields(ComplaintCase c) {
        RegulatorTicket ticket = c.getRegulatorTicket();
        RemedyDecision decision = c.getDecision();
        Instant decidedAt = decidedAt(c);
        return List.of(c.getEnvelope().getComplaintId(), ticket.getReference(), text(ticket.getAuthority()),
                text(ticket.getDeadline()), c.getReceivedAt().toString(), c.getState().name(),
                decision == null ? "" : decision.getRemedy().name(), decision == null ? "" : basis(decision),
                decision == null ? "" : Long.toString(decision.getRefundFen()),
                decision == null ? "" : Long.toString(decision.getCompensationFen()), text(decidedAt));
    }

    /** The basis (处理依据) as the user is told, with the rule it rests on. */
    static String basis(RemedyDecision decision) {
        return decision.getRuleId() == null ? decision.getReason() : decision.getReason() + " [" + decision.getRuleId() + "]";
    }

    /** When the case was last decided (its last step into RESOLVED or REJECTED), or null if it has not been. */
    static Instant decidedAt(ComplaintCase c) {
        Instant decided = null;
        for (TimelineEntry entry : c.getTimeline()) {
            if ((entry.getToState() == CaseState.RESOLVED || entry.getToState() == CaseState.REJECTED)
                    && entry.getFromState() != entry.getToState()) {
                decided = entry.getAt();
            }
        }
        return decided;
    }

    static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append(EOL);
    }

    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
