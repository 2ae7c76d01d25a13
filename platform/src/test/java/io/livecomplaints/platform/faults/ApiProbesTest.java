package io.livecomplaints.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ApiProbesTest {

    @Test
    void analyticsTotalIsTheSumOfItsCountsPerType() throws Exception {
        assertThat(ApiProbes.total("{\"PRODUCT_QUALITY\":3,\"DELIVERY\":4}")).isEqualTo(7);
        assertThat(ApiProbes.total("{}")).isZero();
    }

    @Test
    void anAnswerWithoutCountsIsNoAnswer() {
        assertThatThrownBy(() -> ApiProbes.total("[]")).isInstanceOf(IOException.class).hasMessageContaining("without counts");
        assertThatThrownBy(() -> ApiProbes.total("{\"DELIVERY\":\"many\"}")).isInstanceOf(IOException.class);
    }
}
