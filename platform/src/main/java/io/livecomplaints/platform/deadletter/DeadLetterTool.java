package io.livecomplaints.platform.deadletter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;

/**
 * bin/dlt: the operator's view of the dead-letter topics.
 * <pre>
 *   bin/dlt list    [--topic T]                       per DLT, service, stage and reason: how many, first and last failure
 *   bin/dlt show    --topic T [filters] [--limit N]   the records with all their headers
 *   bin/dlt replay  --topic T [filters] [--dry-run] [--all-consumers]
 *                                                     put them back on their source topic, once per event (after the fix)
 *   filters: --service S --stage S --reason TEXT --event-id ID --at PARTITION@OFFSET
 *   cluster: --bootstrap HOST:PORT (default 127.0.0.1:9092) --command-config FILE (client properties: SASL, TLS)
 * </pre>
 * T is a DLT ({@code complaint-submissions-dlt}) or its source topic ({@code complaint-submissions}).
 */
public final class DeadLetterTool {

    private static final int REASON_WIDTH = 90;

    private final PrintStream out;
    private final Properties client;

    DeadLetterTool(PrintStream out, Properties client) {
        this.out = out;
        this.client = client;
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("dlt: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("dlt: " + e);
            System.exit(1);
        }
    }

    /** Runs one command; the exit status. */
    public static int run(String[] args, PrintStream out) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: dlt list|show|replay [--topic T] [filters] (see bin/dlt --help)");
        }
        Map<String, String> options = options(args);
        DeadLetterTool tool = new DeadLetterTool(out, clientProperties(options));
        DeadLetterFilter filter = new DeadLetterFilter(options.get("service"), options.get("stage"), options.get("reason"),
                options.get("event-id"), options.get("at"));
        return switch (args[0]) {
            case "list" -> tool.list(options.get("topic"));
            case "show" -> tool.show(required(options, "topic"), filter, Integer.parseInt(options.getOrDefault("limit", "50")));
            case "replay" -> tool.replay(required(options, "topic"), filter, options.containsKey("dry-run"),
                    options.containsKey("all-consumers"));
            default -> throw new IllegalArgumentException("unknown command " + args[0] + ": list, show or replay");
        };
    }

    int list(String topic) throws Exception {
        DeadLetterReader reader = new DeadLetterReader(client);
        List<String> topics = topic == null ? reader.deadLetterTopics() : List.of(deadLetterTopic(topic));
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String[]> span = new TreeMap<>();
        for (String dlt : topics) {
            for (DeadLetter letter : reader.read(dlt, DeadLetterFilter.ALL)) {
                String row = String.join("\t", dlt, String.valueOf(letter.service()), String.valueOf(letter.stage()),
                        abbreviate(letter.reason()));
                counts.computeIfAbsent(row, r -> new int[1])[0]++;
                String at = String.valueOf(letter.failedAt());
                span.merge(row, new String[] {at, at}, (a, b) -> new String[] {min(a[0], b[0]), max(a[1], b[1])});
            }
        }
        out.println("dlt\tservice\tstage\treason\tcount\tfirst failed\tlast failed");
        counts.forEach((row, count) -> out.println(row + "\t" + count[0] + "\t" + span.get(row)[0] + "\t" + span.get(row)[1]));
        out.println(counts.values().stream().mapToInt(c -> c[0]).sum() + " dead letters on " + topics.size() + " DLTs");
        return 0;
    }

    int show(String topic, DeadLetterFilter filter, int limit) {
        List<DeadLetter> letters = new DeadLetterReader(client).read(deadLetterTopic(topic), filter);
        letters.stream().limit(limit).forEach(letter -> {
            out.println("== " + letter.coordinates() + "  key=" + letter.keyText() + "  eventId=" + letter.eventId());
            for (Header header : letter.headers()) {
                out.println("   " + header.key() + ": " + (header.value() == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8)));
            }
            out.println("   value: " + (letter.value() == null ? "null" : letter.value().length + " bytes "
                    + HexFormat.of().formatHex(letter.value(), 0, Math.min(32, letter.value().length))
                    + (letter.value().length > 32 ? "…" : "")));
        });
        out.println(Math.min(limit, letters.size()) + " of " + letters.size() + " matching dead letters shown");
        return 0;
    }

    int replay(String topic, DeadLetterFilter filter, boolean dryRun, boolean allConsumers) throws Exception {
        List<DeadLetter> letters = new DeadLetterReader(client).read(deadLetterTopic(topic), filter);
        DeadLetterReplayer.Outcome outcome = new DeadLetterReplayer(client).replay(letters, allConsumers, dryRun);
        for (DeadLetter letter : outcome.replayed()) {
            out.println((dryRun ? "would replay " : "replayed ") + letter.coordinates() + " -> " + letter.sourceTopic()
                    + " (eventId " + letter.eventId() + ")");
        }
        for (DeadLetter letter : outcome.alreadyReplayed()) {
            out.println("already replayed " + letter.coordinates() + " (" + letter.replayKey() + ")");
        }
        out.println((dryRun ? "would replay " : "replayed ") + outcome.replayed().size() + ", already replayed "
                + outcome.alreadyReplayed().size() + ", of " + letters.size() + " matching dead letters");
        return 0;
    }

    static String deadLetterTopic(String topic) {
        return topic.endsWith("-dlt") ? topic : topic + "-dlt";
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> flags = List.of("dry-run", "all-consumers");
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (flags.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        List<String> known = new ArrayList<>(List.of("topic", "service", "stage", "reason", "event-id", "at", "limit",
                "bootstrap", "command-config"));
        known.addAll(flags);
        options.keySet().stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("unknown option --" + name);
        });
        return options;
    }

    static Properties clientProperties(Map<String, String> options) throws IOException {
        Properties properties = new Properties();
        String file = options.get("command-config");
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(Path.of(file))) {
                properties.load(reader);
            }
        }
        properties.put("bootstrap.servers", options.getOrDefault("bootstrap",
                properties.getProperty("bootstrap.servers", "127.0.0.1:9092")));
        properties.putIfAbsent("client.id", "dlt");
        return properties;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static String abbreviate(String reason) {
        String flat = reason == null ? "" : reason.replaceAll("\\s+", " ");
        return flat.length() <= REASON_WIDTH ? flat : flat.substring(0, REASON_WIDTH - 1) + "…";
    }

    private static String min(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String max(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
