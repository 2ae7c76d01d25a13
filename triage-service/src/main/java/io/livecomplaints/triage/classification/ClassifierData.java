package io.livecomplaints.triage.classification;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.triage.classification.model.MoneyWithoutOrderRule;
import io.livecomplaints.triage.classification.model.LabeledComplaint;
import io.livecomplaints.triage.classification.model.ClassifierSettings;
import io.livecomplaints.triage.classification.model.ComplaintClassifier;
import io.livecomplaints.triage.classification.model.FeatureExtractor;
import io.livecomplaints.triage.classification.model.LexiconEntry;
import io.livecomplaints.triage.classification.model.Segmenter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classifier's data, read from a location ({@code classpath:classifier/} or a directory such as
 * {@code /etc/live-complaints/classifier/}): {@code train.jsonl} (labeled complaints), {@code lexicon.tsv} (curated
 * terms), {@code funds-safety.tsv} (the cues of the funds-safety rule) and {@code stopwords.txt}. The version names the
 * exact content, so every event says which data decided it.
 */
public record ClassifierData(List<LabeledComplaint> examples, List<LexiconEntry> lexicon, List<MoneyWithoutOrderRule.Cue> fundsSafety,
                             Set<String> stopWords, String version) {

    static final String TRAINING = "train.jsonl";
    static final String LEXICON = "lexicon.tsv";
    static final String FUNDS_SAFETY = "funds-safety.tsv";
    static final String STOP_WORDS = "stopwords.txt";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ClassifierData load(String location) {
        String train = read(location, TRAINING);
        String lexicon = read(location, LEXICON);
        String fundsSafety = read(location, FUNDS_SAFETY);
        String stopWords = read(location, STOP_WORDS);
        return new ClassifierData(parseLabeled(train, location + TRAINING), parseLexicon(lexicon, location + LEXICON),
                parseFundsSafety(fundsSafety, location + FUNDS_SAFETY), parseLines(stopWords),
                "nb-lexicon@" + digest(train, lexicon, fundsSafety, stopWords));
    }

    /** The classifier these data make. */
    public ComplaintClassifier classifier(Segmenter segmenter, ClassifierSettings settings) {
        return classifier(segmenter, settings, List.of());
    }

    /** The classifier these data make with extra labelled examples (agents' reclassifications), named in its version. */
    public ComplaintClassifier classifier(Segmenter segmenter, ClassifierSettings settings, List<LabeledComplaint> extra) {
        List<LabeledComplaint> all = new java.util.ArrayList<>(examples);
        all.addAll(extra);
        String named = extra.isEmpty() ? version : version + "+" + extra.size() + "corrections";
        return ComplaintClassifier.train(all, lexicon, new MoneyWithoutOrderRule(fundsSafety),
                new FeatureExtractor(segmenter, stopWords), settings, named);
    }

    /** Labeled complaints, one JSON object a line: {"text":"…","type":"LOGISTICS","secondary":["PRICE"]}. */
    public static List<LabeledComplaint> parseLabeled(String jsonLines, String source) {
        List<LabeledComplaint> examples = new ArrayList<>();
        int lineNumber = 0;
        for (String line : jsonLines.split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                List<ComplaintType> secondary = new ArrayList<>();
                if (node.has("secondary")) {
                    node.get("secondary").forEach(t -> secondary.add(ComplaintType.valueOf(t.asString())));
                }
                examples.add(new LabeledComplaint(node.get("text").asString(), ComplaintType.valueOf(node.get("type").asString()), secondary));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return examples;
    }

    static List<LexiconEntry> parseLexicon(String tsv, String source) {
        List<LexiconEntry> entries = new ArrayList<>();
        int lineNumber = 0;
        for (String line : tsv.split("\n")) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 3) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": expected TYPE<tab>weight<tab>term");
            }
            try {
                entries.add(new LexiconEntry(ComplaintType.valueOf(columns[0].strip()), Double.parseDouble(columns[1].strip()), columns[2]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    static List<MoneyWithoutOrderRule.Cue> parseFundsSafety(String tsv, String source) {
        List<MoneyWithoutOrderRule.Cue> cues = new ArrayList<>();
        int lineNumber = 0;
        for (String line : tsv.split("\n")) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 2 || columns[1].isBlank()) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": expected KIND<tab>term");
            }
            try {
                cues.add(new MoneyWithoutOrderRule.Cue(MoneyWithoutOrderRule.CueKind.valueOf(columns[0].strip()), columns[1].strip()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return cues;
    }

    private static Set<String> parseLines(String text) {
        Set<String> lines = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            String word = line.strip();
            if (!word.isEmpty() && !word.startsWith("#")) {
                lines.add(word);
            }
        }
        return lines;
    }

    /** The text of one file at a classifier data location. */
    public static String read(String location, String file) {
        String base = location.endsWith("/") ? location : location + "/";
        try {
            if (base.startsWith("classpath:")) {
                String resource = base.substring("classpath:".length()).replaceFirst("^/", "") + file;
                try (InputStream in = ClassifierData.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no classifier file " + base + file);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return Files.readString(Path.of(base.replaceFirst("^file:", ""), file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classifier file " + base + file, e);
        }
    }

    private static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
