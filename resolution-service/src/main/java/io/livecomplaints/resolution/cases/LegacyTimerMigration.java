package io.livecomplaints.resolution.cases;

import io.livecomplaints.events.SlaClock;
import io.livecomplaints.resolution.sla.model.SlaTimer;
import io.livecomplaints.support.streams.schedule.DurableSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Moves the SLA timers of earlier releases into the one-entry-per-case schedule ({@value CaseTopology#DEADLINES}), so
 * a deployment upgraded with cases open keeps every pending timer. Two former encodings, one timer per entry:
 * <ul>
 *   <li>{@value #STRING_KEYS}: string keys {@code <fireAt millis, 15 digits>|<complaintId>|<kind>|<clock or ->}, empty
 *       values (before {@link DurableSchedule});</li>
 *   <li>{@value #TIMER_SCHEDULE}: a {@link DurableSchedule} of {@link SlaTimer} values, id {@code <complaintId>|<kind>|<clock>}.</li>
 * </ul>
 * A case's pending timers follow from the case itself, so each complaint named by an old entry gets its one entry at
 * its next due instant (none if every old timer was stale); the old entries are deleted. It runs at the first
 * punctuation of each task, inside that punctuation's transaction (the moves and the deletions commit together). The
 * old stores stay registered only so that their changelogs are restored; once every deployment has run this, they
 * can be dropped with this class.
 */
final class LegacyTimerMigration {

    static final String STRING_KEYS = "sla-timers";
    static final String TIMER_SCHEDULE = "sla-schedule";

    private final KeyValueStore<String, String> stringKeys;
    private final KeyValueStore<Bytes, SlaTimer> timerSchedule;

    LegacyTimerMigration(KeyValueStore<String, String> stringKeys, KeyValueStore<Bytes, SlaTimer> timerSchedule) {
        this.stringKeys = stringKeys;
        this.timerSchedule = timerSchedule;
    }

    /** What a migration did: old entries deleted, cases given their entry in the new schedule. */
    record Moved(int timers, int cases) {
    }

    /**
     * Empties both old stores into {@code schedule}; {@code nextDue} gives a complaint's next due instant (empty:
     * no case, or nothing pending).
     */
    Moved moveAll(DurableSchedule<String> schedule, Function<String, Optional<Instant>> nextDue) {
        Set<String> complaints = new LinkedHashSet<>();
        List<String> oldKeys = new ArrayList<>();
        try (KeyValueIterator<String, String> all = stringKeys.all()) {
            all.forEachRemaining(entry -> oldKeys.add(entry.key));
        }
        oldKeys.forEach(key -> complaints.add(parse(key).complaintId()));
        List<Bytes> scheduleKeys = new ArrayList<>();
        try (KeyValueIterator<Bytes, SlaTimer> all = timerSchedule.all()) {
            all.forEachRemaining(entry -> {
                scheduleKeys.add(entry.key);
                complaints.add(entry.value.complaintId());
            });
        }
        oldKeys.forEach(stringKeys::delete);
        scheduleKeys.forEach(timerSchedule::delete);
        int cases = 0;
        for (String complaintId : complaints) {
            Optional<Instant> due = nextDue.apply(complaintId);
            if (due.isPresent()) {
                schedule.schedule(due.get(), complaintId, CaseProcessor.ENTRY);
                cases++;
            }
        }
        return new Moved(oldKeys.size() + scheduleKeys.size(), cases);
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
                SlaTimer.Kind.valueOf(key.substring(kindStart + 1, last)),
                "-".equals(clock) ? null : SlaClock.valueOf(clock));
    }
}
