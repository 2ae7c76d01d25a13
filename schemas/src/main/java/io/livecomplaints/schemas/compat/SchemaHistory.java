package io.livecomplaints.schemas.compat;

import io.livecomplaints.schemas.serde.SchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The released versions of every event schema, kept in {@code src/main/avro-history/<FullName>/v<N>.avsc}.
 * {@code freeze} adds the current schema as a new version where it changed; the build's test checks that each
 * current schema is BACKWARD_TRANSITIVE compatible with its history and that the history is up to date.
 *
 * <p>Run: {@code mvn -q -pl schemas compile exec:java -Dexec.mainClass=io.livecomplaints.schemas.compat.SchemaHistory -Dexec.args=freeze}
 */
public final class SchemaHistory {

    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.avsc");

    private final Path root;

    public SchemaHistory(Path root) {
        this.root = root;
    }

    /** The current schema of each topic's value, from the generated classes. */
    public static List<Schema> currentSchemas() {
        SchemaRegistryClient noRegistry = null;
        return new Topics(noRegistry, false).all().stream()
                .map(Topic::valueType)
                .map(type -> SpecificData.get().getSchema(type))
                .toList();
    }

    /** Released versions of a schema, oldest first. */
    public List<Schema> versions(String fullName) {
        Path dir = root.resolve(fullName);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> VERSION.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(SchemaHistory::versionOf))
                    .map(SchemaHistory::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the schema as a new version if it differs from the latest one; returns the problems that prevent it. */
    public List<String> freeze(Schema current) {
        List<Schema> versions = versions(current.getFullName());
        if (!versions.isEmpty() && versions.get(versions.size() - 1).equals(current)) {
            return List.of();
        }
        List<String> problems = CompatibilityChecker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, current, versions);
        if (!problems.isEmpty()) {
            return problems;
        }
        Path file = root.resolve(current.getFullName()).resolve("v" + (versions.size() + 1) + ".avsc");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, current.toString(true) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of();
    }

    private static int versionOf(Path file) {
        Matcher m = VERSION.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static Schema read(Path file) {
        try {
            return new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        if (args.length != 1 || !args[0].equals("freeze")) {
            System.err.println("usage: SchemaHistory freeze");
            System.exit(2);
        }
        SchemaHistory history = new SchemaHistory(Path.of(System.getProperty("schemas.history", "src/main/avro-history")));
        List<String> failures = new ArrayList<>();
        for (Schema schema : currentSchemas()) {
            List<String> problems = history.freeze(schema);
            problems.forEach(p -> failures.add(schema.getFullName() + ": " + p));
        }
        failures.forEach(System.err::println);
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
