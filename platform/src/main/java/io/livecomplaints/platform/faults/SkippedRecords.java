package io.livecomplaints.platform.faults;

import io.livecomplaints.platform.runtime.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records a global store skipped instead of dead-lettering them, per service and topic, read from each service's
 * {@code complaints_skipped_records_total} on {@code /actuator/prometheus}. Counters restart with the process, so a
 * scenario compares readings taken before and after it on services it did not restart.
 */
final class SkippedRecords {

    private static final Pattern LINE = Pattern.compile("^complaints_skipped_records_total\\{([^}]*)\\}\\s+([0-9.eE+-]+)", Pattern.MULTILINE);
    private static final Pattern TOPIC = Pattern.compile("topic=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private SkippedRecords() {
    }

    /** topic → service → records skipped so far. */
    static Map<String, Map<String, Integer>> read(List<ServiceProcess> services, String scraperAuthorization) throws Exception {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (ServiceProcess service : services) {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/actuator/prometheus")).timeout(Duration.ofSeconds(10))
                    .header("Authorization", scraperAuthorization).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            parse(body).forEach((topic, n) -> out.computeIfAbsent(topic, t -> new TreeMap<>()).merge(service.name(), n, Integer::sum));
        }
        return out;
    }

    /** topic → count in one Prometheus exposition. */
    static Map<String, Integer> parse(String exposition) {
        Map<String, Integer> out = new TreeMap<>();
        Matcher line = LINE.matcher(exposition);
        while (line.find()) {
            Matcher topic = TOPIC.matcher(line.group(1));
            if (topic.find()) {
                out.merge(topic.group(1), (int) Double.parseDouble(line.group(2)), Integer::sum);
            }
        }
        return out;
    }

    /** after − before, leaving out zeros. */
    static Map<String, Map<String, Integer>> difference(Map<String, Map<String, Integer>> after, Map<String, Map<String, Integer>> before) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        after.forEach((topic, byService) -> byService.forEach((service, n) -> {
            int delta = n - before.getOrDefault(topic, Map.of()).getOrDefault(service, 0);
            if (delta != 0) {
                out.computeIfAbsent(topic, t -> new TreeMap<>()).put(service, delta);
            }
        }));
        return out;
    }
}
