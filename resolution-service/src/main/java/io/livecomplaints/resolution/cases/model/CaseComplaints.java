package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.CaseComplaint;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.support.privacy.Pii;
import java.util.ArrayList;

/**
 * The complaint as the case keeps it: what the user wrote and demands, when it happened, the product and the anchor's
 * promises in the session (intake's enrichment), and what triage found (QoS diagnosis, the reasons of the priority,
 * repeat). The contact only masked ({@link MaskedContactSource}); phone numbers, e-mail addresses and ID-card numbers in
 * the text are masked too.
 */
public final class CaseComplaints {

    private CaseComplaints() {
    }

    public static CaseComplaint of(ComplaintTriaged triaged) {
        ComplaintReceived complaint = triaged.getComplaint();
        return CaseComplaint.newBuilder()
                .setText(Pii.maskText(complaint.getText())) // a number the user typed into the text is not copied either
                .setDemands(new ArrayList<>(complaint.getDemands()))
                .setIncidentAt(complaint.getIncidentAt())
                .setProductName(complaint.getEnrichment().getProductName())
                .setSessionPromises(new ArrayList<>(complaint.getEnrichment().getSessionPromises()))
                .setDiagnosis(triaged.getDiagnosis())
                .setPriorityReasons(new ArrayList<>(triaged.getPriorityReasons()))
                .setRepeat(triaged.getRepeatComplaint())
                .setContact(MaskedContactSource.of(triaged))
                .build();
    }
}
