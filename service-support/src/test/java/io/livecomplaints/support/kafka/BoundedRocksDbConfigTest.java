package io.livecomplaints.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.junit.jupiter.api.Test;

class BoundedRocksDbConfigTest {

    @Test
    void serviceDefaultsInstallIt() throws Exception {
        Properties defaults = new Properties();
        try (var in = getClass().getResourceAsStream("/io/livecomplaints/support/service-defaults.properties")) {
            defaults.load(in);
        }
        assertThat(defaults.getProperty("spring.kafka.streams.properties." + StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
                .isEqualTo(BoundedRocksDbConfig.class.getName());
    }

    @Test
    void rocksDbStoresOpenWithTheSharedBoundedCacheAndWork() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("in", Consumed.with(Serdes.String(), Serdes.String()),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("bounded-store"));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-rocksdb-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bounded-rocksdb").toString());
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
            for (int i = 0; i < 1000; i++) {
                in.pipeInput("key-" + i, "value-" + i);
            }
            KeyValueStore<String, String> store = driver.getKeyValueStore("bounded-store");
            assertThat(store.get("key-999")).isEqualTo("value-999");
            assertThat(store.approximateNumEntries()).isPositive();
        }
        BoundedRocksDbConfig.Shared shared = BoundedRocksDbConfig.shared(BoundedRocksDbConfig.DEFAULT_TOTAL_BYTES);
        assertThat(shared.totalBytes()).isEqualTo(BoundedRocksDbConfig.DEFAULT_TOTAL_BYTES);
        assertThat(BoundedRocksDbConfig.shared(1L << 30)).as("one cache per JVM, whatever the next store asks").isSameAs(shared);
        assertThat(RocksDBConfigSetter.class).isAssignableFrom(BoundedRocksDbConfig.class);
    }

    @Test
    void theTotalComesFromTheStreamsConfigurationOrDefaultsTo128MiB() {
        assertThat(BoundedRocksDbConfig.totalBytes(Map.of())).isEqualTo(128L * 1024 * 1024);
        assertThat(BoundedRocksDbConfig.totalBytes(Map.of(BoundedRocksDbConfig.TOTAL_BYTES_CONFIG, "268435456"))).isEqualTo(268435456L);
        assertThatThrownBy(() -> BoundedRocksDbConfig.totalBytes(Map.of(BoundedRocksDbConfig.TOTAL_BYTES_CONFIG, "1024")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 MiB");
    }
}
