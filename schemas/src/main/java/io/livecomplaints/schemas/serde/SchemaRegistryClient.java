package io.livecomplaints.schemas.serde;

import org.apache.avro.Schema;

/** The part of the Confluent schema-registry REST API that serializers need. */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it if already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of a schema already registered under the subject; fails if it is not. */
    int lookup(String subject, Schema schema);

    /** Returns the id and schema of the latest version of the subject. */
    RegisteredSchema latest(String subject);

    /** Returns the schema with this global id. */
    Schema schemaById(int id);

    /** A schema as stored in the registry. */
    record RegisteredSchema(int id, int version, Schema schema) {
    }
}
