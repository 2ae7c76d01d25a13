package io.livecomplaints.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiTest {

    @Test
    void masksMobileNumbersInAnyCommonSpelling() {
        assertThat(Pii.maskText("请回电13812345678谢谢")).isEqualTo("请回电138****5678谢谢");
        assertThat(Pii.maskText("call +86 138 1234 5678 now")).isEqualTo("call +86 138****5678 now");
        assertThat(Pii.maskText("tel 139-1234-5678")).isEqualTo("tel 139****5678");
    }

    @Test
    void leavesOrderIdsAndAmountsAlone() {
        assertThat(Pii.maskText("order O-20261123-0001 paid 129900 fen")).isEqualTo("order O-20261123-0001 paid 129900 fen");
        assertThat(Pii.maskText("id 123456789012")).isEqualTo("id 123456789012");
    }

    @Test
    void masksLandlinesEmailsAndIdCards() {
        assertThat(Pii.maskText("座机 010-12345678")).isEqualTo("座机 010-****5678");
        assertThat(Pii.maskText("mail alice.w@example.com")).isEqualTo("mail a***@example.com");
        assertThat(Pii.maskText("身份证110101199003071234")).isEqualTo("身份证110101********1234");
    }

    @Test
    void masksStructuredValues() {
        assertThat(Pii.maskPhone("138-1234-5678")).isEqualTo("138****5678");
        assertThat(Pii.maskName("张三丰")).isEqualTo("张**");
        assertThat(Pii.maskName("Alice Smith")).isEqualTo("A**** *****");
        assertThat(Pii.maskEmail("bob@example.org")).isEqualTo("b***@example.org");
    }

    @Test
    void anEmailTheTextPatternDoesNotKnowIsStillMasked() {
        assertThat(Pii.maskEmail("张三@example.com")).isEqualTo("张***@example.com");
        assertThat(Pii.maskEmail("_bob@localhost")).isEqualTo("_***@localhost");
        assertThat(Pii.maskEmail("not-an-address")).isEqualTo("***");
    }
}
