package io.livecomplaints.platform.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line options of the simulator ({@code --name value}).
 *
 * @param complaints how many complaints to file through the intake API
 * @param rate       complaints per second
 * @param pipelineWait       how long to wait for the pipeline to carry every complaint through
 */
public record SimulatorOptions(String jwtSecret, String bootstrapServers, String registryUrl, String intakeUrl, String analyticsUrl, int sessions,
                               int orders, int complaints, double rate, Duration pipelineWait, long seed) {

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static SimulatorOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        String secret = values.containsKey("jwt-secret-file") ? read(values.get("jwt-secret-file"))
                : System.getenv("COMPLAINTS_SECURITY_JWT_SECRET");
        if (secret == null) {
            throw new IllegalArgumentException("give --jwt-secret-file or COMPLAINTS_SECURITY_JWT_SECRET (the services' token secret)");
        }
        return new SimulatorOptions(secret,
                values.getOrDefault("bootstrap", "127.0.0.1:9092"),
                values.getOrDefault("registry", "http://127.0.0.1:8081"),
                values.getOrDefault("intake", "http://127.0.0.1:8080"),
                values.getOrDefault("analytics", "http://127.0.0.1:8085"),
                Integer.parseInt(values.getOrDefault("sessions", "6")),
                Integer.parseInt(values.getOrDefault("orders", "200")),
                Integer.parseInt(values.getOrDefault("complaints", "40")),
                Double.parseDouble(values.getOrDefault("rate", "10")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("wait", "60"))),
                Long.parseLong(values.getOrDefault("seed", "20261123")));
    }
}
