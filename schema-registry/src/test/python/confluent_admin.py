#!/usr/bin/python3
"""Confluent's SchemaRegistryClient (Debian python3-confluent-kafka) driving our registry's admin endpoints.

  admin REGISTRY_URL SUBJECT [USER_INFO [CA_PEM]] -> registers two versions, lists, tests compatibility, changes
      compatibility, deletes a version and the subject (soft, then permanent), printing one JSON line per step;
      USER_INFO is the writer's user:password, CA_PEM the CA of an https registry.
"""
import json
import sys

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError


def emit(step, value):
    print(json.dumps({"step": step, "value": value}), flush=True)


def record(fields):
    return Schema(json.dumps({"type": "record", "name": "Admin", "namespace": "py", "fields": fields}), "AVRO")


def attempt(step, call):
    try:
        emit(step, call())
    except SchemaRegistryError as e:
        emit(step, {"http_status": e.http_status_code, "error_code": e.error_code})


def admin(url, subject, user_info=None, ca=None):
    conf = {"url": url}
    if user_info:
        conf["basic.auth.user.info"] = user_info
    if ca:
        conf["ssl.ca.location"] = ca
    client = SchemaRegistryClient(conf)
    v1 = record([{"name": "a", "type": "string"}])
    v2 = record([{"name": "a", "type": "string"}, {"name": "b", "type": "int", "default": 0}])
    emit("register_v1", client.register_schema(subject, v1))
    emit("register_v2", client.register_schema(subject, v2))
    emit("get_subjects", client.get_subjects())
    emit("get_versions", client.get_versions(subject))
    emit("test_compatibility_ok", client.test_compatibility(subject, v2))
    emit("test_compatibility_broken", client.test_compatibility(subject, record([{"name": "a", "type": "long"}])))
    emit("set_compatibility", client.set_compatibility(subject, "FULL_TRANSITIVE"))
    emit("get_compatibility", client.get_compatibility(subject))
    emit("delete_version", client.delete_version(subject, 1))
    emit("get_versions_after_delete", client.get_versions(subject))
    attempt("get_deleted_version", lambda: client.get_version(subject, 1).version)
    emit("delete_subject_permanent", client.delete_subject(subject, permanent=True))
    emit("get_subjects_after_delete", client.get_subjects())
    attempt("get_versions_of_deleted", lambda: client.get_versions(subject))


if __name__ == "__main__":
    if sys.argv[1] == "admin":
        admin(*sys.argv[2:])
    else:
        sys.exit("unknown mode " + sys.argv[1])
