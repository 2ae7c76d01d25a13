#!/usr/bin/python3
"""Confluent's own Python client (Debian python3-confluent-kafka) against our registry and topics.

  consume BOOTSTRAP REGISTRY_URL TOPIC COUNT  -> decodes values with Confluent's MessageSerializer (the code
                                                 AvroConsumer uses; keys are plain strings) and prints JSON lines
  avroconsumer BOOTSTRAP REGISTRY_URL TOPIC COUNT -> the same through confluent_kafka.avro.AvroConsumer itself
                                                 (needs records without keys, since it decodes keys as Avro too)
  produce BOOTSTRAP REGISTRY_URL TOPIC SCHEMA_JSON VALUE_JSON -> writes one record with AvroProducer
"""
import json
import sys
import time

from confluent_kafka import Consumer
from confluent_kafka.avro import AvroConsumer, AvroProducer, CachedSchemaRegistryClient
from confluent_kafka.avro import loads as load_schema
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer


def emit(key, value):
    print(json.dumps({"key": key, "value": value}, ensure_ascii=False, default=str), flush=True)


def consume(bootstrap, registry_url, topic, count, use_avro_consumer):
    config = {"bootstrap.servers": bootstrap, "group.id": "confluent-python-" + topic + str(time.time()),
              "auto.offset.reset": "earliest", "isolation.level": "read_committed"}
    if use_avro_consumer:
        consumer = AvroConsumer(dict(config, **{"schema.registry.url": registry_url}))
        decode = lambda m: m.value()
    else:
        consumer = Consumer(config)
        serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry_url}))
        decode = lambda m: serializer.decode_message(m.value(), is_key=False)
    consumer.subscribe([topic])
    seen = 0
    deadline = time.time() + 60
    while seen < count and time.time() < deadline:
        message = consumer.poll(1.0)
        if message is None:
            continue
        if message.error():
            print("error: %s" % message.error(), file=sys.stderr)
            continue
        key = message.key()
        emit(key.decode("utf-8") if isinstance(key, bytes) else key, decode(message))
        seen += 1
    consumer.close()
    sys.exit(0 if seen >= count else 1)


def produce(bootstrap, registry_url, topic, schema_json, value_json):
    producer = AvroProducer({"bootstrap.servers": bootstrap, "schema.registry.url": registry_url},
                            default_value_schema=load_schema(schema_json))
    producer.produce(topic=topic, value=json.loads(value_json))
    producer.flush(30)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode in ("consume", "avroconsumer"):
        consume(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), mode == "avroconsumer")
    elif mode == "produce":
        produce(*sys.argv[2:7])
    else:
        sys.exit("unknown mode " + mode)
