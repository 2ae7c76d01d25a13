package io.livecomplaints.notification.delivery.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.notification.channels.model.ComplaintContact;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownComplaintTest {

    private final KnownComplaint known = new KnownComplaint("U-1", new ComplaintContact("张三", "13812345678", null, true), 2);

    @Test
    void plannedKeysAreAddedKeepingTheLaterStartOfTheirRetention() {
        KnownComplaint once = known.withPlanned(List.of("E-1:PROGRESS:SMS", "E-1:PROGRESS:IN_APP"), 1_000, 0);
        KnownComplaint again = once.withPlanned(List.of("E-1:PROGRESS:SMS"), 500, 0);

        assertThat(once.hasPlanned("E-1:PROGRESS:SMS")).isTrue();
        assertThat(once.hasPlanned("E-2:PROGRESS:SMS")).isFalse();
        assertThat(again).isEqualTo(once);
        assertThat(again.planned()).isEqualTo(Map.of("E-1:PROGRESS:SMS", 1_000L, "E-1:PROGRESS:IN_APP", 1_000L));
    }

    @Test
    void keysWhoseRetentionEndedAreForgottenWhenTheRecordChangesAndTheRestIsKept() {
        KnownComplaint old = known.withPlanned(List.of("E-1:ACKNOWLEDGMENT:SMS"), 1_000, 0)
                .withPlanned(List.of("E-2:PROGRESS:SMS"), 5_000, 0);

        KnownComplaint later = old.told(3).withPlanned(List.of("E-3:RESULT:SMS"), 9_000, 2_000);

        assertThat(later.planned()).containsOnlyKeys("E-2:PROGRESS:SMS", "E-3:RESULT:SMS");
        assertThat(later.lastToldCaseVersion()).isEqualTo(3);
        assertThat(later.contact()).isEqualTo(known.contact());
    }

    @Test
    void everyChangeKeepsThePlannedKeys() {
        KnownComplaint planned = known.withPlanned(List.of("E-1:PROGRESS:SMS"), 1_000, 0);

        assertThat(planned.told(5).withContact("U-1", null).merchantAsked("M-1", "E-9").merchantRequestClosed().planned())
                .containsOnlyKeys("E-1:PROGRESS:SMS");
    }
}
