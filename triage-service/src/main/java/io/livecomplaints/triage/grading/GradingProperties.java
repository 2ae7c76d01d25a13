package io.livecomplaints.triage.grading;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code complaints.triage.grading.*}: the numbers and cue lists of severity and priority (分级). */
@ConfigurationProperties("complaints.triage.grading")
public record GradingProperties(Map<Severity, Integer> basePriority, int fundsSafetyFloor, Set<ComplaintType> inquiryTypes,
                                long highAmountFen, long notableAmountFen, Set<Channel> publicOpinionChannels,
                                List<String> counterfeitCues, List<String> professionalCues, Emotion emotion, LowTrust lowTrust,
                                Points points) {

    /** Strong negative emotion: cue phrases (Chinese and English) and how many cues make it strong. */
    public record Emotion(List<String> cues, int threshold) {
    }

    /** Users whose record looks malicious: at least this many rejected complaints, making up at least this share. */
    public record LowTrust(int minRejected, double minRejectedShare) {
    }

    /** Priority points each rule adds (a negative number takes points away). */
    public record Points(int fundsSafety, int highAmount, int notableAmount, int publicOpinion, int counterfeit,
                         int professional, int strongEmotion, int repeat, int vip, int lowTrust) {
    }
}
