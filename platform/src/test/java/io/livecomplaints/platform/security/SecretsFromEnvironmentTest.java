package io.livecomplaints.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.platform.monitoring.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Secrets only from the environment: no configuration file of the repository (application*.yml, *.properties,
 * docker-compose.yml, deploy/**) holds a literal password, secret, token, API key or a sasl.jaas.config with a
 * literal password; every such value is an environment reference ({@code ${...}}), and docker-compose.yml refuses
 * to start without each secret ({@code ${VAR:?...}}).
 */
public class SecretsFromEnvironmentTest {

    private static final Path ROOT = Deployment.ROOT;
    /** A secret-looking key, then : or =, then its value (quotes and the rest of an assignment list excluded). */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(password|passwd|secret|api[-_]?key|access[-_]?token|credentials?|\\buser_[a-z0-9_-]+)[\"']?\\s*[:=]\\s*\"?([^\"\\s,;\\]}]*)");

    @Test
    void noConfigurationFileHoldsALiteralSecret() throws IOException {
        List<String> leaks = new ArrayList<>();
        List<Path> files = configurationFiles();
        assertThat(files).as("files scanned").anyMatch(f -> f.endsWith("docker-compose.yml"))
                .anyMatch(f -> f.toString().endsWith("service-defaults.properties")).anyMatch(f -> f.endsWith("kafka-start.sh"));
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (String leak : literalSecrets(lines.get(i))) {
                    leaks.add(ROOT.relativize(file) + ":" + (i + 1) + " " + leak);
                }
            }
        }
        assertThat(leaks).as("literal secrets (use an environment reference ${...})").isEmpty();
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        assertThat(literalSecrets("complaints.security.jwt-secret=abcdefabcdefabcdefabcdefabcdefabcdef")).hasSize(1);
        assertThat(literalSecrets("    secret: \"hunter2\"")).hasSize(1);
        assertThat(literalSecrets("sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"a\" password=\"p4ss\";"))
                .hasSize(1);
        assertThat(literalSecrets("KAFKA_ADMIN_PASSWORD: s3cret")).hasSize(1);
        assertThat(literalSecrets("KAFKA_ADMIN_PASSWORD: ${KAFKA_ADMIN_PASSWORD:?set it}")).isEmpty();
        assertThat(literalSecrets("password=\"${KAFKA_ADMIN_PASSWORD}\" user_admin=\"${KAFKA_ADMIN_PASSWORD}\";")).isEmpty();
        assertThat(literalSecrets(": \"${KAFKA_ADMIN_PASSWORD:?}\"")).isEmpty();
        assertThat(literalSecrets("PlainLoginModule required username=\"admin\" password=\"${P}\" user_admin=\"admin-secret\";")).hasSize(1);
        assertThat(literalSecrets("# secret: \"...\" in a comment")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRefusesToStartWithoutEachSecret() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        List<String> secrets = new ArrayList<>();
        ((Map<String, Map<String, Object>>) compose.get("services")).forEach((name, service) -> {
            Object environment = service.get("environment");
            if (environment instanceof Map<?, ?> env) {
                env.forEach((key, value) -> {
                    if (key.toString().matches(".*(PASSWORD|SECRET).*")) {
                        secrets.add(name + " " + key);
                        assertThat(String.valueOf(value)).as(name + " " + key).matches("\\$\\{[A-Z0-9_]+:\\?.+}");
                    }
                });
            }
        });
        assertThat(secrets).as("secrets in compose").anyMatch(s -> s.endsWith("COMPLAINTS_SECURITY_JWT_SECRET"))
                .anyMatch(s -> s.startsWith("kafka KAFKA_ADMIN_PASSWORD")).anyMatch(s -> s.startsWith("intake-service COMPLAINTS_KAFKA_PASSWORD"));
    }

    /** The literal secrets assigned on one line (comments and environment references are not). */
    public static List<String> literalSecrets(String line) {
        String code = line.strip();
        if (code.startsWith("#") || code.startsWith("//")) {
            return List.of();
        }
        List<String> leaks = new ArrayList<>();
        Matcher m = ASSIGNMENT.matcher(code);
        while (m.find()) {
            if (insideReference(code, m.start())) {
                continue; // the key is the name of an environment variable, e.g. ${KAFKA_ADMIN_PASSWORD:?}
            }
            String value = m.group(2);
            if (!value.isEmpty() && !value.startsWith("${") && !value.startsWith("$")) {
                leaks.add(m.group(1) + " has a literal value");
            }
        }
        return leaks;
    }

    private static boolean insideReference(String text, int at) {
        int open = text.lastIndexOf("${", at);
        return open >= 0 && text.lastIndexOf('}', at) < open;
    }

    private static List<Path> configurationFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("docker-compose.yml"));
        try (Stream<Path> all = Files.walk(ROOT)) {
            all.filter(Files::isRegularFile).filter(f -> {
                String rel = ROOT.relativize(f).toString().replace('\\', '/');
                String name = f.getFileName().toString();
                if (rel.contains("/target/") || rel.startsWith(".") || rel.contains("/.") || rel.startsWith("var/")) {
                    return false;
                }
                boolean resource = rel.contains("src/main/resources/")
                        && (name.matches("application.*\\.ya?ml") || name.endsWith(".properties"));
                boolean deploy = rel.startsWith("deploy/") && name.matches(".*\\.(ya?ml|properties|sh|conf|env)");
                return resource || deploy;
            }).forEach(files::add);
        }
        return files;
    }
}
