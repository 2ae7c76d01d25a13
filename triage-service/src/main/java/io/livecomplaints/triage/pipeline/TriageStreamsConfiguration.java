package io.livecomplaints.triage.pipeline;

import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.triage.classification.ClassifierHolder;
import io.livecomplaints.triage.diagnosis.DiagnosisProperties;
import io.livecomplaints.triage.diagnosis.model.QosDiagnostician;
import io.livecomplaints.triage.grading.model.EmotionDetector;
import io.livecomplaints.triage.grading.model.Grader;
import io.livecomplaints.triage.incidents.IncidentProperties;
import io.livecomplaints.triage.incidents.model.QosIncidents;
import io.livecomplaints.triage.incidents.model.SurgeDetector;
import io.livecomplaints.triage.routing.RoutingProperties;
import io.livecomplaints.triage.routing.model.AgentSelection;
import io.livecomplaints.triage.routing.model.TeamRouting;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Wires the triage steps into the Kafka Streams topology (exactly_once_v2 from the shared defaults). */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class TriageStreamsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TeamRouting teamRouting(RoutingProperties routing) {
        return new TeamRouting(routing.teams(), routing.defaultTeam(), routing.technicalTeam());
    }

    @Bean
    AgentSelection agentSelection(RoutingProperties routing) {
        return new AgentSelection(routing.roster(), routing.maxOpenCases(), routing.highSeverityMinTier());
    }

    @Bean
    ComplaintTriage complaintTriage(ClassifierHolder classifier, TeamRouting teams, DiagnosisProperties qos, Grader grader,
                                    EmotionDetector emotion, Clock clock) {
        return new ComplaintTriage(classifier::classifier, teams, new QosDiagnostician(qos.thresholds(), qos.advice()), grader,
                emotion, clock);
    }

    @Bean
    KStream<String, ComplaintTriaged> triagedComplaints(StreamsBuilder builder, Topics topics, ComplaintTriage triage,
                                                        IncidentProperties incidents, AgentSelection selection,
                                                        RoutingProperties routing, DiagnosisProperties qos,
                                                        @Value("${complaints.triage.dedup-retention}") Duration dedupRetention) {
        return new TriageTopology(topics, triage, new QosIncidents(incidents.qosQuietGap()),
                new SurgeDetector(incidents.surgeWindow(), incidents.surgeThreshold()), selection,
                new TriageTopology.Settings(qos.retention(), routing.partitions(), dedupRetention)).build(builder);
    }
}
