package io.livecomplaints.support.streams.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule in a real topology over a real persistent (RocksDB) store: a processor schedules each input record's
 * id at the instant its value names ("cancel" removes it) and a wall-clock punctuation drains what is due, two at a
 * time, forwarding each id with its due instant.
 */
class DurableScheduleTest {

    private static final String STORE = "test-schedule";
    private static final int BATCH = 2;

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> in;
    private TestOutputTopic<String, String> out;

    @BeforeEach
    void start() throws Exception {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("schedule", SchedulingProcessor::new, "in");
        topology.addStateStore(DurableSchedule.storeBuilder(STORE, Serdes.String()), "schedule");
        topology.addSink("out", "out", new StringSerializer(), new StringSerializer(), "schedule");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "schedule-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("schedule-test").toString());
        driver = new TopologyTestDriver(topology, props, Instant.EPOCH);
        in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
        out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static final class SchedulingProcessor implements Processor<String, String, String, String> {
        private DurableSchedule<String> schedule;
        private ProcessorContext<String, String> context;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            schedule = DurableSchedule.from(context, STORE);
            context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> schedule.drainDue(Instant.ofEpochMilli(now),
                    BATCH, due -> context.forward(new Record<>(due.id(), due.value() + "@" + due.due().toEpochMilli(), now))));
        }

        @Override
        public void process(Record<String, String> record) {
            String[] command = record.value().split(" ");
            Instant due = Instant.ofEpochMilli(Long.parseLong(command[command.length - 1]));
            if (command[0].equals("cancel")) {
                schedule.cancel(due, record.key());
            } else {
                schedule.schedule(due, record.key(), "v-" + record.key());
            }
        }
    }

    @Test
    void dueEntriesComeOutOldestFirstAtMostABatchPerDrain() {
        in.pipeInput("late", "3000");
        in.pipeInput("b", "1000");
        in.pipeInput("a", "1000");
        in.pipeInput("early", "500");
        in.pipeInput("never", "99000");

        driver.advanceWallClockTime(Duration.ofMillis(1000)); // now = 1000: three are due, two per drain
        assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("early", "v-early@500"), KeyValue.pair("a", "v-a@1000"));
        driver.advanceWallClockTime(Duration.ofMillis(1000)); // now = 2000
        assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("b", "v-b@1000"));
        driver.advanceWallClockTime(Duration.ofMillis(1000)); // now = 3000: due exactly now counts
        assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("late", "v-late@3000"));
        driver.advanceWallClockTime(Duration.ofMillis(1000));
        assertThat(out.isEmpty()).as("nothing fires twice, nothing before its time").isTrue();
        assertThat(entries()).containsExactly("never");
    }

    @Test
    void aCancelledEntryNeverFiresAndSchedulingTwiceKeepsOne() {
        in.pipeInput("x", "1000");
        in.pipeInput("x", "1000");
        in.pipeInput("y", "1000");
        in.pipeInput("y", "cancel 1000");
        in.pipeInput("z", "cancel 1000"); // nothing to cancel: no effect

        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("x", "v-x@1000"));
        assertThat(entries()).isEmpty();
    }

    @Test
    void timesBeforeTheEpochSortBeforeLaterOnesAndIdsRoundTrip() {
        KeyValueStore<Bytes, String> store = driver.getKeyValueStore(STORE);
        DurableSchedule<String> schedule = new DurableSchedule<>(store);
        schedule.schedule(Instant.ofEpochMilli(10), "投诉-1|DEADLINE", "later");
        schedule.schedule(Instant.ofEpochMilli(-10), "before-epoch", "earlier");
        schedule.schedule(Instant.ofEpochMilli(Long.MAX_VALUE), "end-of-time", "last");

        List<DurableSchedule.Due<String>> due = new ArrayList<>();
        assertThat(schedule.drainDue(Instant.ofEpochMilli(10), 100, due::add)).isEqualTo(2);
        assertThat(due).containsExactly(new DurableSchedule.Due<>(Instant.ofEpochMilli(-10), "before-epoch", "earlier"),
                new DurableSchedule.Due<>(Instant.ofEpochMilli(10), "投诉-1|DEADLINE", "later"));
        assertThat(schedule.drainDue(Instant.ofEpochMilli(Long.MAX_VALUE), 100, due::add)).isEqualTo(1);
        assertThatThrownBy(() -> schedule.schedule(Instant.EPOCH, "", "no id")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDrainStopsWhenItsBudgetIsSpentAndLeavesTheRestScheduled() {
        DurableSchedule<String> schedule = new DurableSchedule<>(driver.getKeyValueStore(STORE));
        for (int i = 0; i < 5; i++) {
            schedule.schedule(Instant.ofEpochMilli(i), "job-" + i, "v");
        }
        List<String> handled = new ArrayList<>();
        int count = schedule.drainDue(Instant.ofEpochMilli(100), 100, Duration.ofMillis(50), due -> {
            handled.add(due.id());
            sleep(60); // a slow provider call: the budget is spent after the first
        });
        assertThat(count).isEqualTo(1);
        assertThat(handled).containsExactly("job-0");
        assertThat(entries()).containsExactly("job-1", "job-2", "job-3", "job-4");
    }

    @Test
    void aHandlerMayScheduleTheSameIdAgain() {
        DurableSchedule<String> schedule = new DurableSchedule<>(driver.getKeyValueStore(STORE));
        schedule.schedule(Instant.ofEpochMilli(100), "retry", "attempt-1");
        schedule.drainDue(Instant.ofEpochMilli(100), 10, due -> schedule.schedule(Instant.ofEpochMilli(100), due.id(), "attempt-2"));
        List<String> values = new ArrayList<>();
        schedule.drainDue(Instant.ofEpochMilli(100), 10, due -> values.add(due.value()));
        assertThat(values).containsExactly("attempt-2");
    }

    @Test
    void anInMemoryStoreWorksTheSame() {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("schedule", SchedulingProcessor::new, "in");
        topology.addStateStore(DurableSchedule.storeBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String()), "schedule");
        topology.addSink("out", "out", new StringSerializer(), new StringSerializer(), "schedule");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "schedule-test-memory");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver memory = new TopologyTestDriver(topology, props, Instant.EPOCH)) {
            memory.createInputTopic("in", new StringSerializer(), new StringSerializer()).pipeInput("m", "-5");
            memory.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(memory.createOutputTopic("out", new StringDeserializer(), new StringDeserializer()).readKeyValuesToList())
                    .containsExactly(KeyValue.pair("m", "v-m@-5"));
        }
    }

    private List<String> entries() {
        List<String> ids = new ArrayList<>();
        new DurableSchedule<String>(driver.getKeyValueStore(STORE)).drainDue(Instant.ofEpochMilli(Long.MAX_VALUE), 1000, due -> ids.add(due.id()));
        return ids;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
