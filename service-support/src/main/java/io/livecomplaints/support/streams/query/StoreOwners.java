package io.livecomplaints.support.streams.query;

import io.livecomplaints.support.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers API reads of partitioned state stores correctly on any instance of a service, with Kafka Streams' metadata
 * (every instance publishes its {@code application.server}, see {@link InstanceAddress}):
 * <ul>
 * <li>one key ({@link ForwardToOwner}, {@link #forward}): the request goes to the instance owning the key's partition,
 * with the caller's token, and its answer is returned;</li>
 * <li>data spanning partitions ({@link #gather}): the request is sent to every instance owning partitions of the store,
 * each reading just the partitions named in {@value #GATHER_PARTITIONS} (this one reads its own directly), and the
 * parts come back for the caller to merge; an answer is complete or not given.</li>
 * </ul>
 * An owner that cannot be reached (it left or crashed) or says it no longer owns the key (421) is asked again after the
 * metadata is read anew, which names the new owner once the group has rebalanced; if there is none within
 * {@code complaints.instance.forward-patience}, the answer is 503 with Retry-After, never a guess such as 404.
 */
public class StoreOwners {

    /** On a forwarded request: the partition the sender believes this instance owns (it answers 421 if it does not). */
    public static final String OWNER_PARTITION = "Live-Complaints-Owner-Partition";
    /** On one part of a gather: the partitions (comma-separated) this instance is to read. */
    public static final String GATHER_PARTITIONS = "Live-Complaints-Gather-Partitions";

    private static final Logger log = LoggerFactory.getLogger(StoreOwners.class);
    private static final long RETRY_AFTER_SECONDS = 2;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(800);

    /** The owner of a key: its instance, the key's partition, and whether that instance is this one. */
    public record Owner(HostInfo host, int partition, boolean local) {
    }

    private final ObjectProvider<StreamsBuilderFactoryBean> factory;
    private final InstanceAddress self;
    private final PeerClient peers;
    private final JsonMapper json;
    private final Duration patience;

    public StoreOwners(ObjectProvider<StreamsBuilderFactoryBean> factory, InstanceAddress self, JsonMapper json, Duration patience) {
        this.factory = factory;
        this.self = self;
        this.json = json;
        this.patience = patience;
        this.peers = new PeerClient(Duration.ofSeconds(1), patience.plusSeconds(2));
    }

    /** Kafka Streams while it can answer queries (RUNNING, or REBALANCING for the partitions it still runs), else 503. */
    public KafkaStreams streams() {
        StreamsBuilderFactoryBean bean = factory.getIfUnique();
        KafkaStreams streams = bean == null ? null : bean.getKafkaStreams();
        KafkaStreams.State state = streams == null ? null : streams.state();
        if (state == null || !state.isRunningOrRebalancing()) {
            throw notNow("the stream is " + (state == null ? "not started" : state));
        }
        return streams;
    }

    /** The active owner of the key's partition of the store; 503 while the group has none (rebalancing). */
    public Owner ownerOf(String store, String key) {
        KeyQueryMetadata metadata = streams().queryMetadataForKey(store, key, new StringSerializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.activeHost().port() < 0) {
            throw notNow("no instance owns the partition of this key right now");
        }
        return new Owner(metadata.activeHost(), metadata.partition(), metadata.activeHost().equals(self.hostInfo()));
    }

    /**
     * Reads this instance's active copy of one partition of the store; 503 with Retry-After while it does not run that
     * partition (moved away, restoring) or its stream thread is between states.
     */
    public <V, R> R readLocal(String store, int partition, Function<ReadOnlyKeyValueStore<String, V>, R> read) {
        return readLocal(store, partition, QueryableStoreTypes.<String, V>keyValueStore(), read);
    }

    /** {@link #readLocal(String, int, Function)} for a store of any queryable type (e.g. a window store). */
    public <S, R> R readLocal(String store, int partition, QueryableStoreType<S> type, Function<S, R> read) {
        try {
            return read.apply(streams().store(StoreQueryParameters.fromNameAndType(store, type).withPartition(partition)));
        } catch (InvalidStateStoreException e) {
            throw notNow("partition " + partition + " of " + store + " is not readable here now: " + e.getMessage());
        }
    }

    /** Reads the local partition holding the key, for a request routed here by {@link ForwardToOwner}. */
    public <V, R> R readForKey(String store, String key, Function<ReadOnlyKeyValueStore<String, V>, R> read) {
        Owner owner = ownerOf(store, key);
        if (!owner.local()) {
            throw notNow("the key's partition moved to another instance");
        }
        return readLocal(store, owner.partition(), read);
    }

    /**
     * Routes a request about one key: true if this instance owns it (the caller answers), false if the owner's answer
     * was written to {@code response}. A request that was forwarded here already is never forwarded again: if this
     * instance no longer owns the key it answers 421 and the sender asks the new owner.
     */
    public boolean forward(String store, String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader(OWNER_PARTITION) != null) {
            if (!ownerOf(store, key).local()) {
                throw new ApiProblem(HttpStatus.MISDIRECTED_REQUEST, "Not the owner",
                        "This instance no longer owns the partition of this key; ask the current owner.");
            }
            return true;
        }
        Retries retries = new Retries();
        byte[] body = null;
        while (true) {
            try {
                Owner owner = ownerOf(store, key);
                if (owner.local()) {
                    if (body != null && body.length > 0) { // read for an owner that left: it cannot be handed to the controller again
                        throw notNow("the key's partition moved here while the request was forwarded");
                    }
                    return true;
                }
                body = body != null ? body : request.getInputStream().readAllBytes();
                PeerClient.Answer answer = peers.send(owner.host(), request, body, Map.of(OWNER_PARTITION, String.valueOf(owner.partition())));
                if (answer.status() != HttpStatus.MISDIRECTED_REQUEST.value()) {
                    answer.writeTo(response);
                    return false;
                }
                retries.failed("instance " + owner.host() + " no longer owns partition " + owner.partition());
            } catch (ApiProblem e) {
                if (e.status().value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
                    throw e;
                }
                retries.failed(e);
            } catch (IOException e) {
                retries.failed("owner unreachable: " + e);
            }
        }
    }

    /**
     * The parts of an answer spanning the store's partitions, one per instance owning some (this one included), each
     * read by {@code readLocal} over the partitions that instance owns; the caller merges them. On an instance asked
     * for its part (header {@value #GATHER_PARTITIONS}) just that part. {@code type} is the JSON of a part: the
     * controller's own answer for the request, as each instance gives it.
     */
    public <T> List<T> gather(String store, Class<T> type, Function<Set<Integer>, T> readLocal) {
        HttpServletRequest request = currentRequest();
        String asked = request == null ? null : request.getHeader(GATHER_PARTITIONS);
        if (asked != null) {
            return List.of(readLocal.apply(parsePartitions(asked, GATHER_PARTITIONS)));
        }
        return gather(store, readLocal, (host, partitions) -> remotePart(host, partitions, request, type));
    }

    /** How another instance's part of a gather is read: the instance and the partitions it is to read. */
    @FunctionalInterface
    public interface RemotePart<T> {
        T read(HostInfo host, Set<Integer> partitions) throws IOException;
    }

    /**
     * The parts of an answer spanning the store's partitions, as {@link #gather(String, Class, Function)}, for callers
     * that ask the other instances in their own way (an internal endpoint) rather than by repeating the API request.
     * Only instances running active partitions of the store are asked (one holding just standby copies has nothing to
     * answer); a part that fails with 503 or I/O is retried on fresh metadata within the patience.
     */
    public <T> List<T> gather(String store, Function<Set<Integer>, T> readLocal, RemotePart<T> readRemote) {
        Retries retries = new Retries();
        while (true) {
            try {
                List<T> parts = new ArrayList<>();
                for (Map.Entry<HostInfo, Set<Integer>> owner : partitionsByOwner(store).entrySet()) {
                    parts.add(owner.getKey().equals(self.hostInfo()) ? readLocal.apply(owner.getValue())
                            : readRemote.read(owner.getKey(), owner.getValue()));
                }
                return parts;
            } catch (ApiProblem e) {
                if (e.status().value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
                    throw e;
                }
                retries.failed(e);
            } catch (IOException e) {
                retries.failed("an owner of " + store + " did not answer: " + e);
            }
        }
    }

    /** The partitions of the store this instance runs as active tasks (none while it holds only standby copies). */
    public Set<Integer> localPartitions(String store) {
        KafkaStreams streams = streams(); // first: 503 before Kafka Streams (and its topology) exists
        Set<String> topics = sourceTopics(store);
        HostInfo here = self.hostInfo();
        for (StreamsMetadata metadata : streams.streamsMetadataForStore(store)) {
            if (metadata.hostInfo().equals(here)) {
                return metadata.topicPartitions().stream().filter(tp -> topics.contains(tp.topic()))
                        .map(TopicPartition::partition).collect(Collectors.toCollection(TreeSet::new));
            }
        }
        return Set.of();
    }

    /**
     * For a {@link RemotePart} that asks another instance on an internal endpoint: GETs {@code pathAndQuery} there with
     * the current request's credentials and trace. Its body on 200; a 503 otherwise (the gather asks again on fresh
     * metadata); an IOException if the instance cannot be reached.
     */
    public byte[] askPeer(HostInfo host, String pathAndQuery) throws IOException {
        PeerClient.Answer answer = peers.get(host, pathAndQuery, currentRequest());
        if (answer.status() != HttpStatus.OK.value()) {
            throw notNow("instance " + host + " answered " + answer.status() + " for its part");
        }
        return answer.body();
    }

    /** Which instance owns which partitions of the store (active tasks); 503 unless every partition has an owner. */
    Map<HostInfo, Set<Integer>> partitionsByOwner(String store) {
        KafkaStreams streams = streams();
        Set<String> topics = sourceTopics(store);
        Map<HostInfo, Set<Integer>> owners = new LinkedHashMap<>();
        Set<Integer> all = new HashSet<>();
        int assigned = 0;
        for (StreamsMetadata metadata : streams.streamsMetadataForStore(store)) {
            Set<Integer> partitions = metadata.topicPartitions().stream().filter(tp -> topics.contains(tp.topic()))
                    .map(TopicPartition::partition).collect(Collectors.toCollection(TreeSet::new));
            if (!partitions.isEmpty() && metadata.hostInfo().port() >= 0) {
                owners.put(metadata.hostInfo(), partitions);
                all.addAll(partitions);
                assigned += partitions.size();
            }
        }
        if (!PartitionCover.complete(all, assigned)) {
            throw notNow("the partitions of " + store + " are being reassigned (owned now: " + owners + ")");
        }
        return owners;
    }

    private <T> T remotePart(HostInfo host, Set<Integer> partitions, HttpServletRequest request, Class<T> type) throws IOException {
        if (request == null) {
            throw new IllegalStateException("a gather needs the API request to pass on");
        }
        String names = partitions.stream().map(String::valueOf).collect(Collectors.joining(","));
        PeerClient.Answer answer = peers.send(host, request, null, Map.of(GATHER_PARTITIONS, names));
        if (answer.status() != HttpStatus.OK.value()) {
            throw notNow("instance " + host + " answered " + answer.status() + " for partitions " + names);
        }
        return json.readValue(answer.body(), type);
    }

    /** The source topics of the sub-topology holding the store (internal ones as named in the cluster). */
    private Set<String> sourceTopics(String store) {
        StreamsBuilderFactoryBean bean = factory.getObject();
        String applicationId = String.valueOf(bean.getStreamsConfiguration().get(StreamsConfig.APPLICATION_ID_CONFIG));
        Set<String> topics = new HashSet<>();
        for (TopologyDescription.Subtopology subtopology : bean.getTopology().describe().subtopologies()) {
            boolean holdsStore = subtopology.nodes().stream()
                    .anyMatch(n -> n instanceof TopologyDescription.Processor p && p.stores().contains(store));
            if (holdsStore) {
                subtopology.nodes().stream().filter(n -> n instanceof TopologyDescription.Source)
                        .map(n -> ((TopologyDescription.Source) n).topicSet()).filter(t -> t != null)
                        .forEach(names -> names.forEach(name -> {
                            topics.add(name);
                            topics.add(applicationId + "-" + name); // repartition topics carry the application id
                        }));
            }
        }
        return topics;
    }

    /** Partition numbers as a gather names them (comma-separated); 400 naming the field (header or parameter) otherwise. */
    public static Set<Integer> parsePartitions(String value, String field) {
        try {
            return Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(field, "must list partition numbers");
        }
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes ? attributes.getRequest() : null;
    }

    private static ApiProblem notNow(String detail) {
        return ApiProblem.unavailable("Temporarily unavailable", "This data cannot be read right now (" + detail + "). Please retry.")
                .retryAfter(RETRY_AFTER_SECONDS);
    }

    /** Waits between attempts with a growing backoff while the patience lasts; then the 503 with Retry-After. */
    private final class Retries {
        private final long deadline = System.nanoTime() + patience.toNanos();
        private Duration backoff = FIRST_BACKOFF;

        /** {@link #failed(String)} for a 503 of this class: given up, that 503 is the answer (not wrapped again). */
        void failed(ApiProblem unavailable) {
            if (System.nanoTime() + backoff.toNanos() > deadline) {
                log.warn("giving up routing a request: {}", unavailable.detail());
                throw unavailable.retryAfterSeconds().isPresent() ? unavailable : unavailable.retryAfter(RETRY_AFTER_SECONDS);
            }
            failed(unavailable.detail());
        }

        /** Waits for the next attempt; throws the 503 once the patience is spent. */
        void failed(String reason) {
            if (System.nanoTime() + backoff.toNanos() > deadline) {
                log.warn("giving up routing a request: {}", reason);
                throw notNow(reason);
            }
            log.debug("routing a request again in {}: {}", backoff, reason);
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notNow("interrupted");
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }
}
