package io.livecomplaints.support.tracing;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorWrapper;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.processor.api.WrappedFixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.WrappedProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Kafka Streams' {@code processor.wrapper.class} (set for every service in service-defaults): every processor of
 * every topology, DSL or Processor API, runs inside the span of its hop ({@link HopTracing#startHop}), named
 * {@code process <source topic>}. The first processor a record reaches opens it; the ones it flows on to in the
 * same sub-topology run inside it. Records the hop writes get the span's traceparent
 * ({@link StreamsTraceparentInterceptor}), so the next service's span is its child.
 */
public class TracingProcessorWrapper implements ProcessorWrapper {

    @Override
    public <KIn, VIn, KOut, VOut> WrappedProcessorSupplier<KIn, VIn, KOut, VOut> wrapProcessorSupplier(
            String processorName, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier) {
        return new WrappedProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return new TracedProcessor<>(processorName, supplier.get());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    @Override
    public <KIn, VIn, VOut> WrappedFixedKeyProcessorSupplier<KIn, VIn, VOut> wrapFixedKeyProcessorSupplier(
            String processorName, FixedKeyProcessorSupplier<KIn, VIn, VOut> supplier) {
        return new WrappedFixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<KIn, VIn, VOut> get() {
                return new TracedFixedKeyProcessor<>(processorName, supplier.get());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    static HopTracing.Hop hop(String processorName, String applicationId, RecordMetadata metadata, Headers headers, Object value) {
        // a record forwarded from a punctuation (e.g. a due SLA timer) has metadata without a topic
        RecordMetadata source = metadata == null || metadata.topic() == null ? null : metadata;
        String topic = source == null ? processorName : source.topic();
        return HopTracing.startHop("process " + topic, headers, value, () -> tags(processorName, applicationId, source));
    }

    private static Map<String, String> tags(String processorName, String applicationId, RecordMetadata source) {
        return source == null
                ? Map.of("messaging.system", "kafka", "kafka.streams.processor", processorName,
                        "kafka.streams.application.id", applicationId)
                : Map.of("messaging.system", "kafka", "messaging.destination.name", source.topic(),
                        "messaging.kafka.partition", String.valueOf(source.partition()),
                        "messaging.kafka.offset", String.valueOf(source.offset()),
                        "kafka.streams.processor", processorName, "kafka.streams.application.id", applicationId);
    }

    /** Runs one record's processing inside its hop span (for both processor kinds), marking the span on failure. */
    static void traced(String name, org.apache.kafka.streams.processor.api.ProcessingContext context, Headers headers,
                       Object value, Runnable processing) {
        try (HopTracing.Hop hop = hop(name, context.applicationId(), context.recordMetadata().orElse(null), headers, value)) {
            try {
                processing.run();
            } catch (RuntimeException | Error e) {
                hop.error(e);
                throw e;
            }
        }
    }

    static final class TracedProcessor<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {
        private final String name;
        private final Processor<KIn, VIn, KOut, VOut> delegate;
        private ProcessorContext<KOut, VOut> context;

        TracedProcessor(String name, Processor<KIn, VIn, KOut, VOut> delegate) {
            this.name = name;
            this.delegate = delegate;
        }

        @Override
        public void init(ProcessorContext<KOut, VOut> context) {
            this.context = context;
            delegate.init(context);
        }

        @Override
        public void process(Record<KIn, VIn> record) {
            traced(name, context, record.headers(), record.value(), () -> delegate.process(record));
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    static final class TracedFixedKeyProcessor<KIn, VIn, VOut> implements FixedKeyProcessor<KIn, VIn, VOut> {
        private final String name;
        private final FixedKeyProcessor<KIn, VIn, VOut> delegate;
        private FixedKeyProcessorContext<KIn, VOut> context;

        TracedFixedKeyProcessor(String name, FixedKeyProcessor<KIn, VIn, VOut> delegate) {
            this.name = name;
            this.delegate = delegate;
        }

        @Override
        public void init(FixedKeyProcessorContext<KIn, VOut> context) {
            this.context = context;
            delegate.init(context);
        }

        @Override
        public void process(FixedKeyRecord<KIn, VIn> record) {
            traced(name, context, record.headers(), record.value(), () -> delegate.process(record));
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
