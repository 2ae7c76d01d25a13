package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How large one case may grow. Every version of a case is one Kafka record (complaint-cases and the store's
 * changelog), and a producer refuses records above its {@code max.request.size} (1 MiB by default): a case that grew
 * past it could never be written again and would stop its partition. Three bounds, all on the encoded (Avro) case:
 * <ul>
 *   <li>at most {@code maxEvidenceItems} evidence items;</li>
 *   <li>past {@code textBudgetBytes} the case takes no more text: only the steps that bring it to an end (decisions,
 *       approval, denial, the merchant's answer, closing) are applied, everything else is refused as CASE_FULL;</li>
 *   <li>a change whose result would exceed {@code maxCaseBytes} is never written ({@link #tooLarge}): the case processor
 *       sends the input to its dead-letter topic with the reason and goes on with the next record.</li>
 * </ul>
 * The gap between the two byte bounds leaves room for the remaining steps and for timers, which always apply.
 */
public record CaseSizeBound(int textBudgetBytes, int maxCaseBytes, int maxEvidenceItems) {

    /** Steps that end or decide the case: still applied once the text budget is spent, so a full case can be finished. */
    private static final Set<CommandAction> CONCLUDING = EnumSet.of(CommandAction.PROPOSE_REMEDY, CommandAction.RESOLVE,
            CommandAction.REJECT, CommandAction.APPROVE, CommandAction.DENY, CommandAction.MERCHANT_RESPONDED,
            CommandAction.CLOSE);

    public CaseSizeBound {
        if (textBudgetBytes <= 0 || maxCaseBytes <= textBudgetBytes || maxEvidenceItems <= 0) {
            throw new IllegalArgumentException("case size bound needs 0 < text budget < max case bytes and a positive evidence cap");
        }
    }

    /** The refusal a command meets because the case is full, if it is. */
    public Optional<Refusal> check(ComplaintCase c, ComplaintCommand command) {
        if (command.getAction() == CommandAction.ADD_EVIDENCE
                && c.getEvidence().size() + command.getEvidence().size() > maxEvidenceItems) {
            return Optional.of(Refusal.caseFull("the case holds " + c.getEvidence().size() + " evidence items; at most "
                    + maxEvidenceItems + " are kept"));
        }
        if (!CONCLUDING.contains(command.getAction())) {
            int size = sizeOf(c);
            if (size >= textBudgetBytes) {
                return Optional.of(Refusal.caseFull("the case has reached its size budget (" + size + " of " + textBudgetBytes
                        + " bytes): only decisions, approvals, the merchant's answer and closing are accepted"));
            }
        }
        return Optional.empty();
    }

    /** Why this version of a case cannot be written, if it is larger than {@code maxCaseBytes}. */
    public Optional<String> tooLarge(ComplaintCase c) {
        int size = sizeOf(c);
        return size > maxCaseBytes ? Optional.of("case " + c.getEnvelope().getComplaintId() + " would grow to " + size
                + " bytes, above its bound of " + maxCaseBytes + " bytes") : Optional.empty();
    }

    /** The case's size encoded as Avro (what the record on the topic carries, less the 5-byte wire header). */
    public static int sizeOf(ComplaintCase c) {
        try {
            return c.toByteBuffer().remaining();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
