package io.livecomplaints.triage.routing.model;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.ComplaintType;
import java.util.Set;

/**
 * An agent (客服) triage may assign complaints to.
 *
 * @param skills       the complaint types they handle; empty means every type of their team
 * @param languages    the languages they answer in (zh-CN, en); empty means any
 * @param maxOpenCases their own cap of open cases, or 0 for the team default
 */
public record Agent(String id, String team, AgentTier tier, Set<ComplaintType> skills, Set<String> languages, int maxOpenCases) {

    public Agent {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        tier = tier == null ? AgentTier.JUNIOR : tier;
    }

    public boolean handles(ComplaintType type) {
        return skills.isEmpty() || skills.contains(type);
    }

    public boolean speaks(String language) {
        return languages.isEmpty() || language == null
                || languages.stream().anyMatch(l -> language.startsWith(l) || l.startsWith(language));
    }
}
