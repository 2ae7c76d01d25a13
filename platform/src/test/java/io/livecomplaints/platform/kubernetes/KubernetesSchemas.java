package io.livecomplaints.platform.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-written subset of the Kubernetes OpenAPI schemas for the kinds deploy/k8s uses (apps/v1 StatefulSet and
 * Deployment, v1 Service, ConfigMap and Namespace, policy/v1 PodDisruptionBudget, batch/v1 Job, the Prometheus
 * Operator's monitoring.coreos.com/v1 ServiceMonitor): field names, types and required fields, so that a typo
 * ({@code readinesProbe}), a wrong type ({@code replicas: "2"}) or a missing required field fails offline, as the API
 * server would refuse it. Only the fields these manifests may use are listed: a new field needs adding here first.
 */
final class KubernetesSchemas {

    /** A schema node: validates a parsed YAML value at a path, adding problems. */
    interface Node {
        void validate(String path, Object value, List<String> problems);
    }

    record Obj(Set<String> required, Map<String, Node> fields) implements Node {
        @Override
        public void validate(String path, Object value, List<String> problems) {
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(path + ": expected an object, got " + describe(value));
                return;
            }
            for (String name : required) {
                if (!map.containsKey(name)) {
                    problems.add(path + ": missing required field " + name);
                }
            }
            map.forEach((key, child) -> {
                Node node = fields.get(String.valueOf(key));
                if (node == null) {
                    problems.add(path + ": unknown field " + key);
                } else {
                    node.validate(path + "." + key, child, problems);
                }
            });
        }
    }

    record ListOf(Node item, int minItems) implements Node {
        @Override
        public void validate(String path, Object value, List<String> problems) {
            if (!(value instanceof List<?> list)) {
                problems.add(path + ": expected a list, got " + describe(value));
                return;
            }
            if (list.size() < minItems) {
                problems.add(path + ": needs at least " + minItems + " item(s)");
            }
            for (int i = 0; i < list.size(); i++) {
                item.validate(path + "[" + i + "]", list.get(i), problems);
            }
        }
    }

    enum Scalar implements Node {
        STRING, INTEGER, BOOLEAN, INT_OR_STRING, QUANTITY, STRING_MAP;

        @Override
        public void validate(String path, Object value, List<String> problems) {
            boolean ok = switch (this) {
                case STRING -> value instanceof String;
                case INTEGER -> value instanceof Integer || value instanceof Long;
                case BOOLEAN -> value instanceof Boolean;
                case INT_OR_STRING -> value instanceof Integer || value instanceof String;
                // 250m, 1, "1", 512Mi, 2Gi
                case QUANTITY -> (value instanceof String s && s.matches("\\d+(\\.\\d+)?(m|Ki|Mi|Gi|Ti|k|M|G)?"))
                        || value instanceof Integer;
                case STRING_MAP -> value instanceof Map<?, ?> m && m.values().stream().allMatch(v -> v instanceof String)
                        && m.keySet().stream().allMatch(k -> k instanceof String);
            };
            if (!ok) {
                problems.add(path + ": expected " + name().toLowerCase().replace('_', ' ') + ", got " + describe(value));
            }
        }
    }

    record OneOf(Set<String> allowed) implements Node {
        @Override
        public void validate(String path, Object value, List<String> problems) {
            if (!allowed.contains(String.valueOf(value))) {
                problems.add(path + ": " + value + " is not one of " + allowed);
            }
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    private static Obj obj(Set<String> required, Map<String, Node> fields) {
        return new Obj(required, fields);
    }

    private static Node list(Node item) {
        return new ListOf(item, 0);
    }

    private static final Node DNS_NAME = (path, value, problems) -> {
        if (!(value instanceof String s) || !s.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || s.length() > 63) {
            problems.add(path + ": not a DNS-1123 label: " + value);
        }
    };

    static final Node METADATA = obj(Set.of("name"), Map.of("name", DNS_NAME, "namespace", DNS_NAME,
            "labels", Scalar.STRING_MAP, "annotations", Scalar.STRING_MAP));
    static final Node TEMPLATE_METADATA = obj(Set.of(), Map.of("name", DNS_NAME, "labels", Scalar.STRING_MAP,
            "annotations", Scalar.STRING_MAP));
    static final Node SELECTOR = obj(Set.of("matchLabels"), Map.of("matchLabels", Scalar.STRING_MAP));
    static final Node KEY_REF = obj(Set.of("name", "key"), Map.of("name", DNS_NAME, "key", Scalar.STRING, "optional", Scalar.BOOLEAN));

    static final Node ENV_VAR = obj(Set.of("name"), Map.of(
            "name", Scalar.STRING, "value", Scalar.STRING,
            "valueFrom", obj(Set.of(), Map.of("secretKeyRef", KEY_REF, "configMapKeyRef", KEY_REF,
                    "fieldRef", obj(Set.of("fieldPath"), Map.of("fieldPath", Scalar.STRING, "apiVersion", Scalar.STRING))))));
    static final Node ENV_FROM = obj(Set.of(), Map.of(
            "configMapRef", obj(Set.of("name"), Map.of("name", DNS_NAME, "optional", Scalar.BOOLEAN)),
            "secretRef", obj(Set.of("name"), Map.of("name", DNS_NAME, "optional", Scalar.BOOLEAN)),
            "prefix", Scalar.STRING));
    static final Node PROBE = obj(Set.of("httpGet"), Map.of(
            "httpGet", obj(Set.of("path", "port"), Map.of("path", Scalar.STRING, "port", Scalar.INT_OR_STRING,
                    "scheme", new OneOf(Set.of("HTTP", "HTTPS")))),
            "initialDelaySeconds", Scalar.INTEGER, "periodSeconds", Scalar.INTEGER, "timeoutSeconds", Scalar.INTEGER,
            "failureThreshold", Scalar.INTEGER, "successThreshold", Scalar.INTEGER));
    static final Node RESOURCES = obj(Set.of("requests", "limits"), Map.of(
            "requests", obj(Set.of("cpu", "memory"), Map.of("cpu", Scalar.QUANTITY, "memory", Scalar.QUANTITY)),
            "limits", obj(Set.of("cpu", "memory"), Map.of("cpu", Scalar.QUANTITY, "memory", Scalar.QUANTITY))));
    static final Node CONTAINER = obj(Set.of("name", "image"), Map.ofEntries(
            Map.entry("name", DNS_NAME), Map.entry("image", Scalar.STRING),
            Map.entry("command", list(Scalar.STRING)), Map.entry("args", list(Scalar.STRING)),
            Map.entry("ports", list(obj(Set.of("containerPort"), Map.of("name", Scalar.STRING, "containerPort", Scalar.INTEGER,
                    "protocol", new OneOf(Set.of("TCP", "UDP")))))),
            Map.entry("env", list(ENV_VAR)), Map.entry("envFrom", list(ENV_FROM)),
            Map.entry("livenessProbe", PROBE), Map.entry("readinessProbe", PROBE), Map.entry("startupProbe", PROBE),
            Map.entry("resources", RESOURCES),
            Map.entry("volumeMounts", list(obj(Set.of("name", "mountPath"), Map.of("name", DNS_NAME, "mountPath", Scalar.STRING,
                    "readOnly", Scalar.BOOLEAN))))));
    static final Node POD_SPEC = obj(Set.of("containers"), Map.of(
            "containers", new ListOf(CONTAINER, 1),
            "restartPolicy", new OneOf(Set.of("Always", "OnFailure", "Never")),
            "terminationGracePeriodSeconds", Scalar.INTEGER,
            "securityContext", obj(Set.of(), Map.of("fsGroup", Scalar.INTEGER, "runAsNonRoot", Scalar.BOOLEAN,
                    "runAsUser", Scalar.INTEGER)),
            "serviceAccountName", DNS_NAME));
    static final Node POD_TEMPLATE = obj(Set.of("spec"), Map.of("metadata", TEMPLATE_METADATA, "spec", POD_SPEC));
    static final Node PVC_TEMPLATE = obj(Set.of("metadata", "spec"), Map.of("metadata", TEMPLATE_METADATA,
            "spec", obj(Set.of("accessModes", "resources"), Map.of(
                    "accessModes", new ListOf(new OneOf(Set.of("ReadWriteOnce", "ReadWriteMany", "ReadOnlyMany", "ReadWriteOncePod")), 1),
                    "storageClassName", Scalar.STRING,
                    "resources", obj(Set.of("requests"), Map.of("requests", obj(Set.of("storage"), Map.of("storage", Scalar.QUANTITY))))))));

    private static Node kind(String apiVersion, String kind, Set<String> required, Map<String, Node> rest) {
        Map<String, Node> fields = new java.util.HashMap<>(rest);
        fields.put("apiVersion", new OneOf(Set.of(apiVersion)));
        fields.put("kind", new OneOf(Set.of(kind)));
        fields.put("metadata", METADATA);
        Set<String> all = new java.util.HashSet<>(required);
        all.addAll(Set.of("apiVersion", "kind", "metadata"));
        return obj(all, fields);
    }

    /** Schema by kind. */
    static final Map<String, Node> BY_KIND = Map.of(
            "Namespace", kind("v1", "Namespace", Set.of(), Map.of()),
            "ConfigMap", kind("v1", "ConfigMap", Set.of("data"), Map.of("data", Scalar.STRING_MAP)),
            "Service", kind("v1", "Service", Set.of("spec"), Map.of("spec", obj(Set.of("selector", "ports"), Map.of(
                    "selector", Scalar.STRING_MAP, "clusterIP", Scalar.STRING, "publishNotReadyAddresses", Scalar.BOOLEAN,
                    "type", new OneOf(Set.of("ClusterIP", "NodePort", "LoadBalancer")),
                    "ports", new ListOf(obj(Set.of("port"), Map.of("name", Scalar.STRING, "port", Scalar.INTEGER,
                            "targetPort", Scalar.INT_OR_STRING, "protocol", new OneOf(Set.of("TCP", "UDP")))), 1))))),
            "StatefulSet", kind("apps/v1", "StatefulSet", Set.of("spec"), Map.of("spec", obj(
                    Set.of("serviceName", "selector", "template"), Map.of("serviceName", DNS_NAME, "replicas", Scalar.INTEGER,
                            "podManagementPolicy", new OneOf(Set.of("OrderedReady", "Parallel")), "selector", SELECTOR,
                            "template", POD_TEMPLATE, "volumeClaimTemplates", list(PVC_TEMPLATE))))),
            "Deployment", kind("apps/v1", "Deployment", Set.of("spec"), Map.of("spec", obj(Set.of("selector", "template"),
                    Map.of("replicas", Scalar.INTEGER, "selector", SELECTOR, "template", POD_TEMPLATE)))),
            "PodDisruptionBudget", kind("policy/v1", "PodDisruptionBudget", Set.of("spec"), Map.of("spec", obj(Set.of("selector"),
                    Map.of("selector", SELECTOR, "minAvailable", Scalar.INT_OR_STRING, "maxUnavailable", Scalar.INT_OR_STRING)))),
            "Job", kind("batch/v1", "Job", Set.of("spec"), Map.of("spec", obj(Set.of("template"), Map.of(
                    "backoffLimit", Scalar.INTEGER, "ttlSecondsAfterFinished", Scalar.INTEGER, "template", POD_TEMPLATE)))),
            "ServiceMonitor", kind("monitoring.coreos.com/v1", "ServiceMonitor", Set.of("spec"), Map.of("spec", obj(
                    Set.of("selector", "endpoints"), Map.of("selector", SELECTOR,
                            "namespaceSelector", obj(Set.of(), Map.of("matchNames", list(DNS_NAME), "any", Scalar.BOOLEAN)),
                            "endpoints", new ListOf(obj(Set.of("port"), Map.of("port", Scalar.STRING, "path", Scalar.STRING,
                                    "interval", Scalar.STRING, "scheme", new OneOf(Set.of("http", "https")),
                                    "basicAuth", obj(Set.of("username", "password"), Map.of("username", KEY_REF, "password", KEY_REF)))),
                                    1))))));

    /** Problems of one parsed object (empty: valid). */
    static List<String> validate(String where, Map<String, Object> object) {
        List<String> problems = new ArrayList<>();
        Node schema = BY_KIND.get(String.valueOf(object.get("kind")));
        if (schema == null) {
            problems.add(where + ": kind " + object.get("kind") + " has no schema here");
        } else {
            schema.validate(where, object, problems);
        }
        return problems;
    }

    private KubernetesSchemas() {
    }
}
