#!/bin/sh
# Least-privilege ACLs of every principal, GENERATED from the Topics registry by
# io.livecomplaints.platform.security.KafkaAcls (do not edit; KafkaAclsTest fails when this file is stale and
# regenerates it with: mvn -pl platform -am test -Dtest=KafkaAclsTest -Dsurefire.failIfNoSpecifiedTests=false -Dacls.update=true).
# Run as the admin principal: BOOTSTRAP=kafka:9092 ADMIN_CONFIG=/path/admin.properties deploy/kafka/acls.sh
set -eu
: "${BOOTSTRAP:?set BOOTSTRAP to the broker's SASL listener}"
: "${ADMIN_CONFIG:?set ADMIN_CONFIG to the admin client properties (SASL/SCRAM credentials of admin)}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
PARTITIONS="${PARTITIONS:-3}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
acl() { "$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add "$@" >/dev/null; }
topic() { "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --create --if-not-exists   --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" --topic "$@" >/dev/null; }

# Topics and their dead-letter topics, created by the admin (services run with COMPLAINTS_TOPICS_CREATE=false)
topic commerce-orders
topic commerce-orders-dlt
topic live-sessions
topic live-sessions-dlt
topic live-qos
topic live-qos-dlt
topic complaint-submissions
topic complaint-submissions-dlt
topic complaints-received
topic complaints-received-dlt
topic complaints-triaged
topic complaints-triaged-dlt
topic complaint-commands
topic complaint-commands-dlt
topic complaint-cases --config cleanup.policy=compact
topic complaint-cases-dlt
topic complaint-outcomes
topic complaint-outcomes-dlt
topic regulator-replies
topic regulator-replies-dlt
topic sla-events
topic sla-events-dlt
topic notifications
topic notifications-dlt
topic survey-responses
topic survey-responses-dlt
topic replay-retention
topic replay-retention-dlt
topic credit-records --config cleanup.policy=compact
topic credit-records-dlt
topic triage-control
topic triage-control-dlt

# User:intake-service
acl --allow-principal User:intake-service --topic complaints-received --operation Read --operation Write --operation Describe
acl --allow-principal User:intake-service --topic commerce-orders --operation Read --operation Describe
acl --allow-principal User:intake-service --topic commerce-orders-dlt --operation Write --operation Describe
acl --allow-principal User:intake-service --topic live-sessions --operation Read --operation Describe
acl --allow-principal User:intake-service --topic live-sessions-dlt --operation Write --operation Describe
acl --allow-principal User:intake-service --topic complaint-submissions --operation Read --operation Describe
acl --allow-principal User:intake-service --topic complaint-submissions-dlt --operation Write --operation Describe
acl --allow-principal User:intake-service --topic complaints-received-dlt --operation Write --operation Describe
acl --allow-principal User:intake-service --topic complaint-cases --operation Read --operation Describe
acl --allow-principal User:intake-service --topic complaint-cases-dlt --operation Write --operation Describe
acl --allow-principal User:intake-service --group intake-service --resource-pattern-type prefixed --operation Read --operation Describe
acl --allow-principal User:intake-service --topic intake-service- --resource-pattern-type prefixed --operation Read --operation Write --operation Create --operation Delete --operation Describe --operation DescribeConfigs --operation AlterConfigs
acl --allow-principal User:intake-service --transactional-id intake-service --resource-pattern-type prefixed --operation Write --operation Describe
acl --allow-principal User:intake-service --cluster --operation IdempotentWrite

# User:triage-service
acl --allow-principal User:triage-service --topic complaints-triaged --operation Write --operation Describe
acl --allow-principal User:triage-service --topic triage-control --operation Read --operation Write --operation Describe
acl --allow-principal User:triage-service --topic live-qos --operation Read --operation Describe
acl --allow-principal User:triage-service --topic live-qos-dlt --operation Write --operation Describe
acl --allow-principal User:triage-service --topic complaints-received --operation Read --operation Describe
acl --allow-principal User:triage-service --topic complaints-received-dlt --operation Write --operation Describe
acl --allow-principal User:triage-service --topic complaint-cases --operation Read --operation Describe
acl --allow-principal User:triage-service --topic complaint-cases-dlt --operation Write --operation Describe
acl --allow-principal User:triage-service --topic credit-records --operation Read --operation Describe
acl --allow-principal User:triage-service --topic credit-records-dlt --operation Write --operation Describe
acl --allow-principal User:triage-service --topic triage-control-dlt --operation Write --operation Describe
acl --allow-principal User:triage-service --group triage-service --resource-pattern-type prefixed --operation Read --operation Describe
acl --allow-principal User:triage-service --topic triage-service- --resource-pattern-type prefixed --operation Read --operation Write --operation Create --operation Delete --operation Describe --operation DescribeConfigs --operation AlterConfigs
acl --allow-principal User:triage-service --transactional-id triage-service --resource-pattern-type prefixed --operation Write --operation Describe
acl --allow-principal User:triage-service --cluster --operation IdempotentWrite

# User:resolution-service
acl --allow-principal User:resolution-service --topic complaint-commands --operation Read --operation Write --operation Describe
acl --allow-principal User:resolution-service --topic complaint-cases --operation Read --operation Write --operation Describe
acl --allow-principal User:resolution-service --topic complaint-outcomes --operation Write --operation Describe
acl --allow-principal User:resolution-service --topic regulator-replies --operation Write --operation Describe
acl --allow-principal User:resolution-service --topic sla-events --operation Write --operation Describe
acl --allow-principal User:resolution-service --topic replay-retention --operation Write --operation Describe
acl --allow-principal User:resolution-service --topic credit-records --operation Read --operation Write --operation Describe
acl --allow-principal User:resolution-service --topic complaints-triaged --operation Read --operation Describe
acl --allow-principal User:resolution-service --topic complaints-triaged-dlt --operation Write --operation Describe
acl --allow-principal User:resolution-service --topic complaint-commands-dlt --operation Write --operation Describe
acl --allow-principal User:resolution-service --topic complaint-cases-dlt --operation Write --operation Describe
acl --allow-principal User:resolution-service --topic survey-responses --operation Read --operation Describe
acl --allow-principal User:resolution-service --topic survey-responses-dlt --operation Write --operation Describe
acl --allow-principal User:resolution-service --topic credit-records-dlt --operation Write --operation Describe
acl --allow-principal User:resolution-service --group resolution-service --resource-pattern-type prefixed --operation Read --operation Describe
acl --allow-principal User:resolution-service --topic resolution-service- --resource-pattern-type prefixed --operation Read --operation Write --operation Create --operation Delete --operation Describe --operation DescribeConfigs --operation AlterConfigs
acl --allow-principal User:resolution-service --transactional-id resolution-service --resource-pattern-type prefixed --operation Write --operation Describe
acl --allow-principal User:resolution-service --cluster --operation IdempotentWrite

# User:notification-service
acl --allow-principal User:notification-service --topic notifications --operation Write --operation Describe
acl --allow-principal User:notification-service --topic survey-responses --operation Read --operation Write --operation Describe
acl --allow-principal User:notification-service --topic complaints-received --operation Read --operation Describe
acl --allow-principal User:notification-service --topic complaints-received-dlt --operation Write --operation Describe
acl --allow-principal User:notification-service --topic complaints-triaged --operation Read --operation Describe
acl --allow-principal User:notification-service --topic complaints-triaged-dlt --operation Write --operation Describe
acl --allow-principal User:notification-service --topic complaint-cases --operation Read --operation Describe
acl --allow-principal User:notification-service --topic complaint-cases-dlt --operation Write --operation Describe
acl --allow-principal User:notification-service --topic complaint-outcomes --operation Read --operation Describe
acl --allow-principal User:notification-service --topic complaint-outcomes-dlt --operation Write --operation Describe
acl --allow-principal User:notification-service --topic sla-events --operation Read --operation Describe
acl --allow-principal User:notification-service --topic sla-events-dlt --operation Write --operation Describe
acl --allow-principal User:notification-service --topic survey-responses-dlt --operation Write --operation Describe
acl --allow-principal User:notification-service --group notification-service --resource-pattern-type prefixed --operation Read --operation Describe
acl --allow-principal User:notification-service --topic notification-service- --resource-pattern-type prefixed --operation Read --operation Write --operation Create --operation Delete --operation Describe --operation DescribeConfigs --operation AlterConfigs
acl --allow-principal User:notification-service --transactional-id notification-service --resource-pattern-type prefixed --operation Write --operation Describe
acl --allow-principal User:notification-service --cluster --operation IdempotentWrite

# User:analytics-service
acl --allow-principal User:analytics-service --topic commerce-orders --operation Read --operation Describe
acl --allow-principal User:analytics-service --topic commerce-orders-dlt --operation Write --operation Describe
acl --allow-principal User:analytics-service --topic live-qos --operation Read --operation Describe
acl --allow-principal User:analytics-service --topic live-qos-dlt --operation Write --operation Describe
acl --allow-principal User:analytics-service --topic complaints-triaged --operation Read --operation Describe
acl --allow-principal User:analytics-service --topic complaints-triaged-dlt --operation Write --operation Describe
acl --allow-principal User:analytics-service --topic complaint-cases --operation Read --operation Describe
acl --allow-principal User:analytics-service --topic complaint-cases-dlt --operation Write --operation Describe
acl --allow-principal User:analytics-service --topic complaint-outcomes --operation Read --operation Describe
acl --allow-principal User:analytics-service --topic complaint-outcomes-dlt --operation Write --operation Describe
acl --allow-principal User:analytics-service --topic sla-events --operation Read --operation Describe
acl --allow-principal User:analytics-service --topic sla-events-dlt --operation Write --operation Describe
acl --allow-principal User:analytics-service --topic notifications --operation Read --operation Describe
acl --allow-principal User:analytics-service --topic notifications-dlt --operation Write --operation Describe
acl --allow-principal User:analytics-service --topic survey-responses --operation Read --operation Describe
acl --allow-principal User:analytics-service --topic survey-responses-dlt --operation Write --operation Describe
acl --allow-principal User:analytics-service --group analytics-service --resource-pattern-type prefixed --operation Read --operation Describe
acl --allow-principal User:analytics-service --topic analytics-service- --resource-pattern-type prefixed --operation Read --operation Write --operation Create --operation Delete --operation Describe --operation DescribeConfigs --operation AlterConfigs
acl --allow-principal User:analytics-service --transactional-id analytics-service --resource-pattern-type prefixed --operation Write --operation Describe
acl --allow-principal User:analytics-service --cluster --operation IdempotentWrite

# User:schema-registry
acl --allow-principal User:schema-registry --topic _schemas --operation Read --operation Write --operation Create --operation Describe --operation DescribeConfigs
acl --allow-principal User:schema-registry --cluster --operation IdempotentWrite

# User:upstream-commerce
acl --allow-principal User:upstream-commerce --topic commerce-orders --operation Write --operation Describe
acl --allow-principal User:upstream-commerce --topic live-sessions --operation Write --operation Describe
acl --allow-principal User:upstream-commerce --topic live-qos --operation Write --operation Describe
acl --allow-principal User:upstream-commerce --topic complaint-submissions --operation Write --operation Describe
acl --allow-principal User:upstream-commerce --cluster --operation IdempotentWrite

# User:lag-exporter
acl --allow-principal User:lag-exporter --group intake-service --resource-pattern-type prefixed --operation Describe
acl --allow-principal User:lag-exporter --topic intake-service- --resource-pattern-type prefixed --operation Describe
acl --allow-principal User:lag-exporter --group triage-service --resource-pattern-type prefixed --operation Describe
acl --allow-principal User:lag-exporter --topic triage-service- --resource-pattern-type prefixed --operation Describe
acl --allow-principal User:lag-exporter --group resolution-service --resource-pattern-type prefixed --operation Describe
acl --allow-principal User:lag-exporter --topic resolution-service- --resource-pattern-type prefixed --operation Describe
acl --allow-principal User:lag-exporter --group notification-service --resource-pattern-type prefixed --operation Describe
acl --allow-principal User:lag-exporter --topic notification-service- --resource-pattern-type prefixed --operation Describe
acl --allow-principal User:lag-exporter --group analytics-service --resource-pattern-type prefixed --operation Describe
acl --allow-principal User:lag-exporter --topic analytics-service- --resource-pattern-type prefixed --operation Describe
acl --allow-principal User:lag-exporter --topic commerce-orders --operation Describe
acl --allow-principal User:lag-exporter --topic live-sessions --operation Describe
acl --allow-principal User:lag-exporter --topic live-qos --operation Describe
acl --allow-principal User:lag-exporter --topic complaint-submissions --operation Describe
acl --allow-principal User:lag-exporter --topic complaints-received --operation Describe
acl --allow-principal User:lag-exporter --topic complaints-triaged --operation Describe
acl --allow-principal User:lag-exporter --topic complaint-commands --operation Describe
acl --allow-principal User:lag-exporter --topic complaint-cases --operation Describe
acl --allow-principal User:lag-exporter --topic complaint-outcomes --operation Describe
acl --allow-principal User:lag-exporter --topic regulator-replies --operation Describe
acl --allow-principal User:lag-exporter --topic sla-events --operation Describe
acl --allow-principal User:lag-exporter --topic notifications --operation Describe
acl --allow-principal User:lag-exporter --topic survey-responses --operation Describe
acl --allow-principal User:lag-exporter --topic replay-retention --operation Describe
acl --allow-principal User:lag-exporter --topic credit-records --operation Describe
acl --allow-principal User:lag-exporter --topic triage-control --operation Describe
