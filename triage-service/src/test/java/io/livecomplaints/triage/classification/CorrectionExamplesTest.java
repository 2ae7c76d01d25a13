package io.livecomplaints.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseComplaint;
import io.livecomplaints.events.CaseCorrection;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.CorrectionKind;
import io.livecomplaints.events.Severity;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.triage.classification.model.LabeledComplaint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which case versions are labelled examples: the complaint's text with the type of the last reclassification. */
class CorrectionExamplesTest {

    private static final Instant T = Instant.parse("2026-12-01T02:00:00Z");

    private static CaseCorrection correction(CorrectionKind kind, String from, String to) {
        return CaseCorrection.newBuilder().setKind(kind).setFrom(from).setTo(to).setReason("r").setActorId("A-1").setAt(T).build();
    }

    private static ComplaintCase.Builder caseWith(List<CaseCorrection> corrections, String text) {
        return ComplaintCase.newBuilder().setEnvelope(Envelopes.create("C-1", "resolution-service", null, T)).setState(CaseState.IN_PROGRESS)
                .setVersion(3).setUserId("U-1").setChannel(Channel.APP_CHAT).setType(ComplaintType.LOGISTICS).setSeverity(Severity.LOW)
                .setPriority(20).setTeam("logistics").setReceivedAt(T).setFirstResponseDueAt(T)
                .setComplaint(text == null ? null : CaseComplaint.newBuilder().setText(text).build()).setCorrections(corrections);
    }

    @Test
    void theLastReclassificationLabelsTheComplaintsText() {
        ComplaintCase c = caseWith(List.of(correction(CorrectionKind.RECLASSIFY, "PRODUCT_QUALITY", "PRICE"),
                correction(CorrectionKind.TRANSFER, "after-sales", "logistics"),
                correction(CorrectionKind.RECLASSIFY, "PRICE", "LOGISTICS")), "快递三周没到").build();

        assertThat(CorrectionExamples.example(c)).isEqualTo(new LabeledComplaint("快递三周没到", ComplaintType.LOGISTICS));
    }

    @Test
    void aTransferAloneOrACaseWithoutItsTextIsNoExample() {
        assertThat(CorrectionExamples.example(caseWith(List.of(correction(CorrectionKind.TRANSFER, "after-sales", "logistics")), "文本").build()))
                .isNull();
        assertThat(CorrectionExamples.example(caseWith(List.of(correction(CorrectionKind.RECLASSIFY, "PRICE", "LOGISTICS")), null).build()))
                .isNull();
        assertThat(CorrectionExamples.example(caseWith(List.of(), "文本").build())).isNull();
    }
}
