package io.livecomplaints.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kafka client credentials from environment variables: nothing for PLAINTEXT, SCRAM by default for SASL. */
class KafkaClientSecurityTest {

    @Test
    void plaintextAddsNothing() {
        assertThat(KafkaClientSecurity.from(name -> null).clientProperties()).isEmpty();
    }

    @Test
    void saslDefaultsToScramSha512AndQuotesTheCredentials() {
        Map<String, String> env = Map.of(KafkaClientSecurity.PROTOCOL_ENV, "sasl_plaintext",
                KafkaClientSecurity.USERNAME_ENV, "intake-service", KafkaClientSecurity.PASSWORD_ENV, "p\"w");
        KafkaClientSecurity security = KafkaClientSecurity.from(env::get);

        assertThat(security.clientProperties())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"intake-service\" password=\"p\\\"w\";");
        assertThat(security.toString()).as("never the password").doesNotContain("p\"w");
    }

    @Test
    void saslWithoutCredentialsFailsAtOnce() {
        assertThatThrownBy(() -> KafkaClientSecurity.from(Map.of(KafkaClientSecurity.PROTOCOL_ENV, "SASL_SSL")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(KafkaClientSecurity.PASSWORD_ENV);
    }
}
