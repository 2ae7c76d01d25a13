package io.livecomplaints.resolution.fastpath.model;

import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.events.QosVerdict;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import java.util.Optional;

/**
 * A viewer-side stream complaint answered automatically (triage's {@code autoReply}: the QoS diagnosis found the
 * anchor's push stream and the CDN node healthy and only this viewer's network bad) is answered: the automatic reply is
 * its first response, and the system resolves it with the diagnosis as its basis (remedy ADVICE, rule
 * {@value #RULE_ID}). The liable party is USER: DOMAIN.md's 责任认定 names the side the problem came from, and the
 * diagnosis places it on the viewer's side, so no merchant, anchor or platform record is charged. A user who disputes
 * the answer reopens the case like any other, and an agent takes it from there.
 */
public final class AutoAnswerPolicy {

    public static final String FAST_PATH = "AUTO_ANSWER";
    public static final String RULE_ID = "AUTO-QOS-VIEWER-SIDE";

    private AutoAnswerPolicy() {
    }

    /** The system's answer, or empty when the complaint was not answered automatically on a viewer-side diagnosis. */
    public static Optional<RemedyDecision> decide(ComplaintTriaged triaged) {
        QosDiagnosis diagnosis = triaged.getDiagnosis();
        if (!triaged.getAutoReply() || diagnosis == null || diagnosis.getVerdict() != QosVerdict.VIEWER_SIDE) {
            return Optional.empty();
        }
        String advice = diagnosis.getAdvice() == null || diagnosis.getAdvice().isBlank() ? "" : " " + diagnosis.getAdvice().strip();
        return Optional.of(RemedyDecision.newBuilder()
                .setRemedy(Remedy.ADVICE)
                .setLiableParty(LiableParty.USER)
                .setReason("自动诊断：直播推流与CDN节点均正常，卡顿来自您当前的网络环境。"
                        + " Automatic diagnosis: the stream and the CDN node were healthy; the problem came from your network." + advice)
                .setRuleId(RULE_ID)
                .build());
    }
}
