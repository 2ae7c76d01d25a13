package io.livecomplaints.resolution.caseview;

import io.livecomplaints.events.CaseComplaint;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.MaskedContact;
import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.events.QosVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The complaint inside a case as agents read it: the user's words first, what they demand and claim, the product and
 * the session's promises, the user's own evidence, triage's QoS diagnosis and priority reasons, and the contact
 * masked with the consent flag. Null for cases opened before the case kept the complaint.
 */
public record ComplaintFacts(String text, String language, List<Demand> demands, Long claimedAmountFen, Instant incidentAt,
                             List<CaseView.EvidenceItem> evidence, String productName, String skuId, List<String> sessionPromises,
                             Diagnosis diagnosis, List<String> priorityReasons, List<ComplaintType> secondaryTypes, boolean repeat,
                             String incidentId, Contact contact) {

    /** triage's QoS pre-diagnosis. */
    public record Diagnosis(QosVerdict verdict, String cdnNode, String region, List<String> findings, String advice) {
    }

    /** The contact, masked; {@code consent}: the user agreed to be contacted. */
    public record Contact(String phone, String email, String name, boolean consent) {
    }

    static ComplaintFacts of(ComplaintCase c) {
        CaseComplaint k = c.getComplaint();
        if (k == null) {
            return null;
        }
        QosDiagnosis d = k.getDiagnosis();
        MaskedContact m = k.getContact();
        return new ComplaintFacts(k.getText(), c.getLanguage(), List.copyOf(k.getDemands()), c.getClaimedAmountFen(), k.getIncidentAt(),
                // the user's own: filed with the complaint or added later by them (agents' evidence names the agent)
                c.getEvidence().stream().filter(e -> e.getAddedBy() == null || Objects.equals(e.getAddedBy(), c.getUserId()))
                        .map(CaseView.EvidenceItem::of).toList(),
                k.getProductName(), c.getSkuId(), List.copyOf(k.getSessionPromises()),
                d == null ? null : new Diagnosis(d.getVerdict(), d.getCdnNode(), d.getRegion(), List.copyOf(d.getFindings()), d.getAdvice()),
                List.copyOf(k.getPriorityReasons()), List.copyOf(c.getSecondaryTypes()), k.getRepeat(), c.getIncidentId(),
                m == null ? null : new Contact(m.getPhone(), m.getEmail(), m.getName(), m.getConsent()));
    }
}
