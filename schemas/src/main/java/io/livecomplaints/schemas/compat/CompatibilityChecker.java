package io.livecomplaints.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Decides whether a candidate schema may follow the existing versions of a subject under a compatibility level,
 * using Avro's own reader/writer resolution rules. Used by the registry and by the build's schema-history check.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * @param existing the subject's versions, oldest first
     * @return what is incompatible, empty when the candidate is acceptable
     */
    public static List<String> check(CompatibilityLevel level, Schema candidate, List<Schema> existing) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
            return problems;
        }
        List<Schema> against = level.transitive() ? existing : List.of(existing.get(existing.size() - 1));
        for (Schema previous : against) {
            if (level.newReadsOld()) {
                problems.addAll(describe("new schema cannot read data written with a previous one",
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous)));
            }
            if (level.oldReadsNew()) {
                problems.addAll(describe("a previous schema cannot read data written with the new one",
                        SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate)));
            }
        }
        return problems;
    }

    private static List<String> describe(String direction, SchemaCompatibility.SchemaPairCompatibility result) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            out.add(direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + " (" + incompatibility.getMessage() + ")");
        }
        return out;
    }
}
