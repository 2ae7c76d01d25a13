package io.livecomplaints.triage.grading;

import io.livecomplaints.events.Severity;
import io.livecomplaints.triage.grading.model.AmountRule;
import io.livecomplaints.triage.grading.model.BaselineSeverity;
import io.livecomplaints.triage.grading.model.CueRule;
import io.livecomplaints.triage.grading.model.EmotionDetector;
import io.livecomplaints.triage.grading.model.FundsSafetyRule;
import io.livecomplaints.triage.grading.model.Grader;
import io.livecomplaints.triage.grading.model.LowTrustRule;
import io.livecomplaints.triage.grading.model.PriorityScale;
import io.livecomplaints.triage.grading.model.PublicOpinionChannelRule;
import io.livecomplaints.triage.grading.model.RepeatComplaintRule;
import io.livecomplaints.triage.grading.model.StrongEmotionRule;
import io.livecomplaints.triage.grading.model.VipRule;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The grading rules, in the order their reasons appear on the event. */
@Configuration(proxyBeanMethods = false)
class GradingConfiguration {

    @Bean
    Grader grader(GradingProperties p) {
        GradingProperties.Points points = p.points();
        return new Grader(new BaselineSeverity(p.inquiryTypes()), List.of(
                new FundsSafetyRule(points.fundsSafety()),
                new AmountRule(p.highAmountFen(), points.highAmount(), p.notableAmountFen(), points.notableAmount()),
                new PublicOpinionChannelRule(p.publicOpinionChannels(), points.publicOpinion()),
                new CueRule("counterfeit accusation", p.counterfeitCues(), Severity.HIGH, points.counterfeit()),
                new CueRule("professional complainant claim", p.professionalCues(), Severity.HIGH, points.professional()),
                new StrongEmotionRule(points.strongEmotion()),
                new RepeatComplaintRule(points.repeat()),
                new VipRule(points.vip()),
                new LowTrustRule(p.lowTrust().minRejected(), p.lowTrust().minRejectedShare(), points.lowTrust())),
                new PriorityScale(p.basePriority(), p.fundsSafetyFloor()));
    }

    @Bean
    EmotionDetector emotionDetector(GradingProperties p) {
        return new EmotionDetector(p.emotion().cues(), p.emotion().threshold());
    }
}
