package io.livecomplaints.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.notification.delivery.model.KnownComplaint;
import io.livecomplaints.support.streams.state.StateSerdes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** notification-complaints kept its name when its records gained the planned jobs: the state before still reads. */
class KnownComplaintStateTest {

    private final Serde<KnownComplaint> serde = StateSerdes.json(KnownComplaint.class);

    @Test
    void aRecordWrittenBeforeThePlannedJobsReadsAsHavingNone() {
        String before = "{\"contact\":null,\"lastToldCaseVersion\":3,\"merchantId\":\"M-1\",\"openMerchantRequest\":null,\"userId\":\"U-1\"}";

        KnownComplaint read = serde.deserializer().deserialize("t", before.getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(new KnownComplaint("U-1", null, 3, "M-1", null));
        assertThat(read.planned()).isEmpty();
        assertThat(read.hasPlanned("E-1:PROGRESS:SMS")).isFalse();
    }

    @Test
    void plannedJobsSurviveTheRoundTrip() {
        KnownComplaint known = new KnownComplaint("U-1", null, 3).withPlanned(List.of("C-1:ACKNOWLEDGMENT:SMS", "E-2:RESULT:IN_APP"), 42, 0);

        byte[] bytes = serde.serializer().serialize("t", known);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(known);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\"planned\":{\"C-1:ACKNOWLEDGMENT:SMS\":42,\"E-2:RESULT:IN_APP\":42}");
    }
}
