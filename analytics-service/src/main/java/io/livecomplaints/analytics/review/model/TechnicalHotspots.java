package io.livecomplaints.analytics.review.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where technical (stream-quality) complaints cluster: the hours of the day (in the report's time zone) and the CDN
 * regions with the most of them in the period, most first, at most {@code top} each.
 */
public final class TechnicalHotspots {

    /** An hour of the day, e.g. 20:00-21:00, with its technical complaints. */
    public record TimeSlot(String slot, long complaints) {
    }

    /** A CDN region with its technical complaints. */
    public record Region(String region, long complaints) {
    }

    private TechnicalHotspots() {
    }

    /** @param hourly technical complaints per hourly window start */
    public static List<TimeSlot> timeSlots(Map<Instant, Long> hourly, ZoneId zone, int top) {
        Map<Integer, Long> byHour = new TreeMap<>();
        hourly.forEach((start, count) -> byHour.merge(start.atZone(zone).getHour(), count, Long::sum));
        List<TimeSlot> out = new ArrayList<>();
        byHour.forEach((hour, count) -> out.add(new TimeSlot(String.format("%02d:00-%02d:00", hour, (hour + 1) % 24), count)));
        out.sort(Comparator.comparingLong(TimeSlot::complaints).reversed().thenComparing(TimeSlot::slot));
        return out.stream().filter(s -> s.complaints() > 0).limit(top).toList();
    }

    public static List<Region> regions(Map<String, Long> byRegion, int top) {
        List<Region> out = new ArrayList<>();
        byRegion.forEach((region, count) -> out.add(new Region(region, count)));
        out.sort(Comparator.comparingLong(Region::complaints).reversed().thenComparing(Region::region));
        return out.stream().filter(r -> r.complaints() > 0).limit(top).toList();
    }
}
