package io.livecomplaints.resolution.cases;

import io.livecomplaints.events.SlaClock;
import io.livecomplaints.resolution.sla.model.SlaTimer;
import io.livecomplaints.support.streams.schedule.DurableSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Moves the timers of the schedule before {@link DurableSchedule} ({@value #STORE}: string keys
 * {@code <fireAt millis, 15 digits>|<complaintId>|<kind>|<clock or ->}, empty values) into the current schedule, so a
 * deployment upgraded with cases open keeps every pending SLA timer. It runs at the first punctuation of each task,
 * inside that punctuation's transaction (the copy and the deletion commit together). The old store stays registered
 * only so its changelog is restored; once every deployment has run this, it can be dropped with this class.
 */
final class LegacyTimerMigration {

    static final String STORE = "sla-timers";

    private LegacyTimerMigration() {
    }

    /** Returns how many timers moved from {@code legacy} to {@code schedule}. */
    static int moveAll(KeyValueStore<String, String> legacy, DurableSchedule<SlaTimer> schedule) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> all = legacy.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                keys.add(entry.key);
            }
        }
        for (String key : keys) {
            SlaTimer timer = parse(key);
            schedule.schedule(timer.fireAt(), timer.scheduleId(), timer);
            legacy.delete(key);
        }
        return keys.size();
    }

    static SlaTimer parse(String key) {
        int first = key.indexOf('|');
        int last = key.lastIndexOf('|');
        int kindStart = key.lastIndexOf('|', last - 1);
        if (first < 0 || kindStart <= first) {
            throw new IllegalArgumentException("not a legacy timer key: " + key);
        }
        String clock = key.substring(last + 1);
        return new SlaTimer(Instant.ofEpochMilli(Long.parseLong(key.substring(0, first))), key.substring(first + 1, kindStart),
                SlaTimer.Kind.valueOf(key.substring(kindStart + 1, last)), "-".equals(clock) ? null : SlaClock.valueOf(clock));
    }
}
