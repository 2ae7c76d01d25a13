package io.livecomplaints.registry.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecomplaints.schemas.compat.CompatibilityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * JSON keys and values of the {@code _schemas} topic. A schema record's key holds subject, version, id and the
 * schema's fingerprint, so compaction never replaces one claim by a different one: the log keeps its order and
 * every reader keeps deriving the same ids.
 */
public final class SchemaLogCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaLogCodec() {
    }

    public static byte[] key(SchemaLogEntry entry) {
        ObjectNode key = JSON.createObjectNode();
        if (entry instanceof SchemaLogEntry.SchemaRegistered s) {
            key.put("keytype", "SCHEMA");
            key.put("subject", s.subject());
            key.put("version", s.version());
            key.put("id", s.id());
            key.put("fingerprint", sha256(s.schema()));
        } else if (entry instanceof SchemaLogEntry.CompatibilitySet c) {
            key.put("keytype", "CONFIG");
            key.put("subject", c.subject());
        } else if (entry instanceof SchemaLogEntry.ModeSet m) {
            key.put("keytype", "MODE");
            key.put("subject", m.subject());
        } else if (entry instanceof SchemaLogEntry.VersionDeleted d) {
            key.put("keytype", "DELETE_VERSION");
            key.put("subject", d.subject());
            key.put("version", d.version());
        }
        return bytes(key);
    }

    public static byte[] value(SchemaLogEntry entry) {
        ObjectNode value = JSON.createObjectNode();
        if (entry instanceof SchemaLogEntry.SchemaRegistered s) {
            value.put("subject", s.subject());
            value.put("version", s.version());
            value.put("id", s.id());
            value.put("schema", s.schema());
        } else if (entry instanceof SchemaLogEntry.CompatibilitySet c) {
            value.put("subject", c.subject());
            value.put("compatibilityLevel", c.level().name());
        } else if (entry instanceof SchemaLogEntry.ModeSet m) {
            value.put("subject", m.subject());
            value.put("mode", m.mode().name());
        } else if (entry instanceof SchemaLogEntry.VersionDeleted d) {
            value.put("subject", d.subject());
            value.put("version", d.version());
            value.put("permanent", d.permanent());
        }
        return bytes(value);
    }

    /** Decodes a record; null for tombstones and for record kinds this version does not know. */
    public static SchemaLogEntry decode(byte[] key, byte[] value) {
        if (key == null || value == null) {
            return null;
        }
        try {
            JsonNode k = JSON.readTree(key);
            JsonNode v = JSON.readTree(value);
            return switch (k.path("keytype").asText()) {
                case "SCHEMA" -> new SchemaLogEntry.SchemaRegistered(v.get("subject").asText(), v.get("version").asInt(),
                        v.get("id").asInt(), v.get("schema").asText());
                case "CONFIG" -> new SchemaLogEntry.CompatibilitySet(v.path("subject").isNull() ? null : v.path("subject").asText(null),
                        CompatibilityLevel.valueOf(v.get("compatibilityLevel").asText()));
                case "MODE" -> new SchemaLogEntry.ModeSet(v.path("subject").isNull() ? null : v.path("subject").asText(null),
                        RegistryMode.valueOf(v.get("mode").asText()));
                case "DELETE_VERSION" -> new SchemaLogEntry.VersionDeleted(v.get("subject").asText(), v.get("version").asInt(),
                        v.path("permanent").asBoolean(false));
                default -> null;
            };
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable _schemas record", e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
