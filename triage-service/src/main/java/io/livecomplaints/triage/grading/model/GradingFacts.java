package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Demand;
import java.util.List;

/**
 * What severity and priority are decided on.
 *
 * @param amountFen the amount at stake (claimed, else paid), or null when unknown
 * @param repeat    another complaint about the same order came before this one
 * @param credit    the user's complaint record, or null for a user without one
 */
public record GradingFacts(ComplaintType type, List<ComplaintType> secondaryTypes, Channel channel, String text,
                           List<Demand> demands, Long amountFen, boolean vip, boolean repeat, EmotionReading emotion,
                           UserCredit credit) {

    public GradingFacts {
        secondaryTypes = secondaryTypes == null ? List.of() : List.copyOf(secondaryTypes);
        demands = demands == null ? List.of() : List.copyOf(demands);
        emotion = emotion == null ? EmotionReading.calm() : emotion;
    }

    public boolean concerns(ComplaintType anyType) {
        return type == anyType || secondaryTypes.contains(anyType);
    }
}
