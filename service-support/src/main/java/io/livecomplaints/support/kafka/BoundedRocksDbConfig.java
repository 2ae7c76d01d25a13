package io.livecomplaints.support.kafka;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of all RocksDB stores of a service instance together: one block cache (with a strict
 * limit) holds the data blocks, the index and filter blocks, and the memtables, whose size a write buffer manager
 * charges to the same cache. Without it every store of every task takes its own 50 MiB cache and memtables, so the
 * native memory grows with the number of partitions an instance owns, unseen by the JVM's heap limit, until the
 * container is killed. The total is {@value #DEFAULT_TOTAL_BYTES} bytes, or {@code rocksdb.bounded.memory.bytes} of the
 * Streams configuration (SPRING_KAFKA_STREAMS_PROPERTIES_ROCKSDB_BOUNDED_MEMORY_BYTES); a quarter of it for
 * memtables. The container's memory limit must leave room for it next to the heap (docs/operations.md).
 */
public class BoundedRocksDbConfig implements RocksDBConfigSetter {

    public static final String TOTAL_BYTES_CONFIG = "rocksdb.bounded.memory.bytes";
    static final long DEFAULT_TOTAL_BYTES = 128L * 1024 * 1024;
    /** of the total, for index and filter blocks (kept in the cache's high-priority pool so data cannot evict them) */
    private static final double INDEX_FILTER_RATIO = 0.1;
    private static final int MEMTABLE_SHARE_DIVISOR = 4;

    /** Shared by every store of this JVM, created with the first one, never closed (it lives as long as the JVM). */
    private static Shared shared;

    record Shared(long totalBytes, Cache cache, WriteBufferManager writeBufferManager) {
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(totalBytes(configs));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBufferManager());
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared with the other stores: nothing of this store's to close
    }

    static synchronized Shared shared(long totalBytes) {
        if (shared == null) {
            Cache cache = new LRUCache(totalBytes, -1, true, INDEX_FILTER_RATIO);
            shared = new Shared(totalBytes, cache, new WriteBufferManager(totalBytes / MEMTABLE_SHARE_DIVISOR, cache));
        }
        return shared;
    }

    static long totalBytes(Map<String, Object> configs) {
        Object configured = configs.get(TOTAL_BYTES_CONFIG);
        if (configured == null || configured.toString().isBlank()) {
            return DEFAULT_TOTAL_BYTES;
        }
        long bytes = Long.parseLong(configured.toString().trim());
        if (bytes < 16L * 1024 * 1024) {
            throw new IllegalArgumentException(TOTAL_BYTES_CONFIG + " must be at least 16 MiB, got " + bytes);
        }
        return bytes;
    }
}
