package io.livecomplaints.triage.grading.model;

import java.util.Locale;

/** Amounts in fen as people read them: 89900 → ¥899.00. */
final class Money {

    private Money() {
    }

    static String yuan(long fen) {
        return String.format(Locale.ROOT, "¥%d.%02d", fen / 100, Math.abs(fen % 100));
    }
}
