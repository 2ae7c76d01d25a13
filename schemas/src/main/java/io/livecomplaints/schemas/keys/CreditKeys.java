package io.livecomplaints.schemas.keys;

import io.livecomplaints.events.CreditSubject;

/** Keys of credit-records: {@code USER:<id>}, {@code MERCHANT:<id>}, {@code ANCHOR:<id>}. */
public final class CreditKeys {

    private CreditKeys() {
    }

    public static String key(CreditSubject subject, String id) {
        return subject.name() + ":" + id;
    }
}
