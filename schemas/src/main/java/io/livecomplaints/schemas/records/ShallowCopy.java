package io.livecomplaints.schemas.records;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A copy of a generated record that shares its field values, for a step that changes a top-level field of an event
 * before passing it on. {@code Foo.newBuilder(foo)} deep-copies every nested record, list and map of the event
 * (a complaint inside a triaged complaint, its evidence, its classification) only to set one field.
 * Sharing is safe as long as nobody changes the nested values in place; a step changes only the copy's own fields.
 */
public final class ShallowCopy {

    private ShallowCopy() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecordBase> T of(T record) {
        T copy = (T) SpecificData.get().newRecord(null, record.getSchema());
        int fields = record.getSchema().getFields().size();
        for (int i = 0; i < fields; i++) {
            copy.put(i, record.get(i));
        }
        return copy;
    }
}
