package io.livecomplaints.intake.acknowledgment;

import io.livecomplaints.events.Channel;
import io.livecomplaints.intake.acknowledgment.model.FirstResponsePolicy;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code complaints.sla.first-response.*} in application.yml (DOMAIN.md's SLA table). */
@ConfigurationProperties("complaints.sla.first-response")
public record FirstResponseSlaProperties(Duration chat, Duration form, Duration hardLimit, Set<Channel> chatChannels) {

    public FirstResponsePolicy policy() {
        return new FirstResponsePolicy(chat, form, hardLimit, chatChannels);
    }
}
