package io.livecomplaints.notification.acknowledgment;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.DeliveryStatus;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.notification.acknowledgment.model.AcknowledgmentMessage;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Writers;
import java.time.Instant;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** complaints-received → the acknowledgment in the user's in-app inbox → its receipt on notifications. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class AcknowledgmentTopology {

    @Bean
    KStream<String, NotificationReceipt> acknowledgments(StreamsBuilder builder, Topics topics) {
        Topic<String, ComplaintReceived> in = topics.complaintsReceived;
        Topic<String, NotificationReceipt> out = topics.notifications;
        KStream<String, NotificationReceipt> receipts = builder.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde()))
                .mapValues(AcknowledgmentTopology::inAppAcknowledgment);
        receipts.to(out.name(), Produced.with(out.keySerde(), out.valueSerde()));
        return receipts;
    }

    static NotificationReceipt inAppAcknowledgment(ComplaintReceived complaint) {
        return NotificationReceipt.newBuilder()
                .setEnvelope(Envelopes.following(complaint.getEnvelope(), Writers.NOTIFICATION, Instant.now()))
                .setSourceEventId(complaint.getEnvelope().getEventId())
                .setUserId(complaint.getUserId())
                .setChannel(NotificationChannel.IN_APP)
                .setKind(NotificationKind.ACKNOWLEDGMENT)
                .setStatus(DeliveryStatus.SENT)
                .setLanguage(complaint.getLanguage())
                .setTemplateId(AcknowledgmentMessage.templateId(complaint.getLanguage()))
                .build();
    }
}
