package io.livecomplaints.triage.grading.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmotionDetectorTest {

    private final EmotionDetector detector = new EmotionDetector(List.of("气死", "垃圾", "投诉到底", "骗子", "furious", "scam"), 2);

    @Test
    void strongChineseEmotionFromCuesAndExclamations() {
        EmotionReading reading = detector.read("气死我了！！什么垃圾平台");
        assertThat(reading.strong()).isTrue();
        assertThat(reading.cues()).contains("气死", "垃圾", "！！");
    }

    @Test
    void strongEnglishEmotionFromCuesAndShouting() {
        EmotionReading reading = detector.read("This is a SCAM and I am furious");
        assertThat(reading.strong()).isTrue();
        assertThat(reading.cues()).contains("scam", "furious", "SCAM");
    }

    @Test
    void oneCueAloneIsNotStrongAndCalmTextHasNone() {
        assertThat(detector.read("客服太垃圾了").strong()).isFalse();
        assertThat(detector.read("快递三天没更新了，请帮忙查一下").score()).isZero();
        assertThat(detector.read(null).strong()).isFalse();
    }
}
