package io.livecomplaints.platform.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Realistic complaint texts with their true type (Chinese and English), from the labeled sample. */
public final class ComplaintCorpus {

    /** A complaint text and the type a person would give it. */
    public record Sample(String text, String type) {
        public boolean english() {
            return text.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        }
    }

    private final List<Sample> samples;

    private ComplaintCorpus(List<Sample> samples) {
        this.samples = samples;
    }

    public static ComplaintCorpus load() {
        ObjectMapper json = new ObjectMapper();
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ComplaintCorpus.class.getResourceAsStream("/simulator/complaints.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    samples.add(new Sample(node.get("text").asText(), node.get("type").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ComplaintCorpus(samples);
    }

    public Sample pick(Random random) {
        return samples.get(random.nextInt(samples.size()));
    }

    public int size() {
        return samples.size();
    }
}
