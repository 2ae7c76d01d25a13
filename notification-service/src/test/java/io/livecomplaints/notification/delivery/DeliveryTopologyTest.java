package io.livecomplaints.notification.delivery;

import io.livecomplaints.notification.channels.model.ComplaintContact;
import io.livecomplaints.notification.delivery.model.KnownComplaint;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.DeliveryStatus;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.notification.Events;
import io.livecomplaints.notification.FakeChannel;
import io.livecomplaints.notification.channels.Channels;
import io.livecomplaints.notification.channels.model.SendOutcome;
import io.livecomplaints.notification.delivery.model.ChannelPlan;
import io.livecomplaints.notification.delivery.model.DeliveryJob;
import io.livecomplaints.notification.inbox.model.InboxKeys;
import io.livecomplaints.notification.inbox.model.InboxMessage;
import io.livecomplaints.notification.messages.MessageProperties;
import io.livecomplaints.notification.messages.MessageTemplates;
import io.livecomplaints.notification.messages.model.ResultBasis;
import io.livecomplaints.notification.messages.model.ResultRule;
import io.livecomplaints.notification.surveys.model.SurveyState;
import io.livecomplaints.notification.templates.TemplateProperties;
import io.livecomplaints.notification.templates.model.Languages;
import io.livecomplaints.notification.templates.model.TemplateCatalog;
import io.livecomplaints.schemas.rules.DecisionBasis;
import io.livecomplaints.schemas.serde.InMemorySchemaRegistryClient;
import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.support.streams.schedule.DurableSchedule;
import io.livecomplaints.support.deadletter.DeadLetterTopicHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The delivery stream's timers and bookkeeping with a controlled wall clock (TopologyTestDriver, real Avro serdes,
 * the real 话术库 files): quiet hours, durable retries with backoff, giving up into notifications-dlt, dedup of a
 * replayed event, consent, the survey delay, and every message kind in both languages.
 */
class DeliveryTopologyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration TICK = Duration.ofMillis(250);

    private final Topics topics = new Topics(new InMemorySchemaRegistryClient(), true);
    private final FakeChannel sms = new FakeChannel(NotificationChannel.SMS, "sms");
    private final FakeChannel email = new FakeChannel(NotificationChannel.EMAIL, "email");
    private final FakeChannel refunds = new FakeChannel(NotificationChannel.WEBHOOK, "webhook-refund-system");
    private TopologyTestDriver driver;
    private TestOutputTopic<String, NotificationReceipt> receipts;
    private final List<NotificationReceipt> seen = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private void start(Instant wallClock, int maxAttempts) throws Exception {
        start(wallClock, maxAttempts, Map.of());
    }

    /** @param channelsByKind replaces the channels of these kinds */
    private void start(Instant wallClock, int maxAttempts, Map<NotificationKind, Set<NotificationChannel>> channelsByKind) throws Exception {
        TemplateCatalog templates = MessageTemplates.load(new TemplateProperties("classpath:templates/", List.of("zh-CN", "en"), "zh-CN", SHANGHAI),
                new DefaultResourceLoader());
        Languages languages = new Languages(List.of("zh-CN", "en"), "zh-CN");
        ResultRule results = new ResultRule(new ResultBasis(new DecisionBasis(List.of("不符合条件"))), Duration.ofHours(1));
        Channels channels = new Channels(Map.of(NotificationChannel.SMS, sms, NotificationChannel.EMAIL, email),
                Map.of("refund-system", refunds), Map.of("refund-system", Set.of(NotificationKind.RESULT)));
        Map<NotificationKind, Set<NotificationChannel>> byKind = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            byKind.put(kind, Set.of(NotificationChannel.IN_APP));
        }
        byKind.put(NotificationKind.ACKNOWLEDGMENT, Set.of(NotificationChannel.IN_APP, NotificationChannel.SMS, NotificationChannel.EMAIL));
        byKind.put(NotificationKind.RESULT, Set.of(NotificationChannel.IN_APP, NotificationChannel.SMS, NotificationChannel.EMAIL));
        byKind.put(NotificationKind.SURVEY, Set.of(NotificationChannel.IN_APP, NotificationChannel.SMS));
        byKind.putAll(channelsByKind);
        ChannelPlan plan = new ChannelPlan(byKind, channels.available());
        DeliveryProperties delivery = new DeliveryProperties(
                new DeliveryProperties.Retry(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(10), maxAttempts, Duration.ofHours(24)),
                new DeliveryProperties.Dispatch(TICK, 200, Duration.ofSeconds(2)), Duration.ofDays(30),
                new DeliveryProperties.QuietHoursSettings(SHANGHAI, Map.of(NotificationChannel.SMS, "21:00-08:00"), Map.of(),
                        Set.of(), Set.of(ComplaintType.FUNDS_SAFETY)));
        NotificationStreamsConfiguration streams = new NotificationStreamsConfiguration();
        StreamsBuilder builder = new StreamsBuilder();
        streams.notificationReceipts(builder, topics, templates, languages, results, plan, channels, streams.deliveryPolicy(delivery),
                delivery, new MessageProperties(Duration.ofHours(1), null), metrics, "notification-service");

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "notification-service");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("notification-ttd").toString());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterTopicHandler.class.getName());
        driver = new TopologyTestDriver(builder.build(), props, wallClock);
        receipts = output(topics.notifications);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), new StringDeserializer(), topic.valueSerde().deserializer());
    }

    private List<NotificationReceipt> receipts() {
        seen.addAll(receipts.readValuesToList());
        return seen;
    }

    private List<NotificationReceipt> receipts(NotificationChannel channel, DeliveryStatus status) {
        return receipts().stream().filter(r -> r.getChannel() == channel && r.getStatus() == status).toList();
    }

    /** Moves the wall clock; the dispatcher's punctuation fires once for the move (as after a pause). */
    private void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    private List<InboxMessage> inbox(String userId) {
        KeyValueStore<String, InboxMessage> store = driver.getKeyValueStore(NotificationStores.INBOX);
        List<InboxMessage> messages = new ArrayList<>();
        try (KeyValueIterator<String, InboxMessage> it = store.prefixScan(InboxKeys.prefix(userId),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(kv -> messages.add(kv.value));
        }
        return messages;
    }

    /** How many records each store wrote to its changelog since the last call (each is a log offset), by store name. */
    private Map<String, Integer> changelogWrites() {
        Map<String, Integer> writes = new TreeMap<>();
        for (String topic : driver.producedTopicNames()) {
            if (topic.startsWith("notification-service-") && topic.endsWith("-changelog")) {
                int records = driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList().size();
                if (records > 0) {
                    writes.put(topic.substring("notification-service-".length(), topic.length() - "-changelog".length()), records);
                }
            }
        }
        return writes;
    }

    private ComplaintReceived received(String complaintId, String userId, String language, boolean consent) {
        return Events.received(complaintId, userId, language, Events.contact("13812345678", "buyer@example.com", consent),
                Instant.parse("2026-11-23T06:30:00Z"));
    }

    @Test
    void theAcknowledgmentIsFiledInAppAtOnceAndGoesBySmsAndEmailOnTheNextDispatch() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);
        ComplaintReceived complaint = received("C-1", "U-1", "zh-CN", true);

        input(topics.complaintsReceived).pipeInput("C-1", complaint);

        assertThat(receipts(NotificationChannel.IN_APP, DeliveryStatus.SENT)).singleElement().satisfies(r -> {
            assertThat(r.getKind()).isEqualTo(NotificationKind.ACKNOWLEDGMENT);
            assertThat(r.getSourceEventId()).isEqualTo(complaint.getEnvelope().getEventId());
            assertThat(r.getTemplateId()).isEqualTo("acknowledgment@zh-CN");
            assertThat(r.getEnvelope().getTraceId()).isEqualTo(complaint.getEnvelope().getTraceId());
        });
        assertThat(inbox("U-1")).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo(
                "已收到您的投诉（编号 C-1），我们会在 2026-11-23 14:30 前处理并答复您。"));
        assertThat(sms.calls()).isEmpty();

        advance(TICK);

        assertThat(sms.calls()).singleElement().satisfies(m -> {
            assertThat(m.address()).isEqualTo("13812345678");
            assertThat(m.idempotencyKey()).isEqualTo("C-1:ACKNOWLEDGMENT:SMS"); // once per complaint, not per event
        });
        assertThat(email.calls()).singleElement().satisfies(m -> assertThat(m.subject()).contains("C-1"));
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.SENT)).singleElement()
                .satisfies(r -> assertThat(r.getRecipientMasked()).isEqualTo("138****5678"));
        assertThat(receipts(NotificationChannel.EMAIL, DeliveryStatus.SENT)).singleElement()
                .satisfies(r -> assertThat(r.getRecipientMasked()).isEqualTo("b***@example.com"));
        assertThat(receipts()).allSatisfy(r -> assertThat(r.toString()).doesNotContain("13812345678").doesNotContain("buyer@"));
    }

    @Test
    void aComplaintWrittenTwiceByIntakeIsAcknowledgedOnceOnEveryChannel() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);
        ComplaintReceived first = received("C-twice", "U-twice", "zh-CN", true);
        // an Idempotency-Key retry that reached the other intake instance: same complaint id, another event id
        ComplaintReceived resubmitted = ComplaintReceived.newBuilder(first).setEnvelope(Envelope.newBuilder(first.getEnvelope())
                .setEventId(UUID.randomUUID().toString()).build()).build();

        input(topics.complaintsReceived).pipeInput("C-twice", first);
        input(topics.complaintsReceived).pipeInput("C-twice", resubmitted);
        advance(TICK);

        assertThat(receipts(NotificationChannel.IN_APP, DeliveryStatus.SENT)).singleElement()
                .satisfies(r -> assertThat(r.getSourceEventId()).isEqualTo(first.getEnvelope().getEventId()));
        assertThat(inbox("U-twice")).hasSize(1);
        assertThat(sms.calls()).hasSize(1);
        assertThat(email.calls()).hasSize(1);
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.SENT)).hasSize(1);
        assertThat(receipts(NotificationChannel.EMAIL, DeliveryStatus.SENT)).hasSize(1);
    }

    @Test
    void theContactIsReadFromComplaintsReceivedOnlyNeverFromComplaintsTriaged() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);
        ComplaintReceived filed = received("C-7", "U-7", "zh-CN", true);
        // a triaged record as triage wrote them before it stopped copying the contact, with another phone and e-mail
        ComplaintReceived copied = ComplaintReceived.newBuilder(filed)
                .setContact(Events.contact("13900000000", "other@example.com", true)).build();
        input(topics.complaintsReceived).pipeInput("C-7", filed);
        input(topics.complaintsTriaged).pipeInput("C-7", Events.triaged(copied, ComplaintType.LOGISTICS, "logistics", false, null));
        input(topics.complaintOutcomes).pipeInput("C-7", Events.outcome("C-7", "U-7", "zh-CN", ComplaintType.LOGISTICS,
                Remedy.FULL_REFUND, 12_990, "包裹丢失，商家无法提供签收证明", "R-LOG-3"));
        // a complaint known from complaints-triaged alone: no contact to reach
        ComplaintReceived unseen = ComplaintReceived.newBuilder(received("C-8", "U-8", "zh-CN", true))
                .setContact(Events.contact("13900000000", "other@example.com", true)).build();
        input(topics.complaintsTriaged).pipeInput("C-8", Events.triaged(unseen, ComplaintType.LOGISTICS, "logistics", false, null));
        input(topics.complaintOutcomes).pipeInput("C-8", Events.outcome("C-8", "U-8", "zh-CN", ComplaintType.LOGISTICS,
                Remedy.FULL_REFUND, 12_990, "包裹丢失，商家无法提供签收证明", "R-LOG-3"));
        advance(TICK);

        assertThat(sms.calls()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.complaintId()).isEqualTo("C-7");
            assertThat(m.address()).isEqualTo("13812345678");
        });
        assertThat(email.calls()).isNotEmpty().allSatisfy(m -> assertThat(m.address()).isEqualTo("buyer@example.com"));
        assertThat(inbox("U-8")).isNotEmpty(); // the user still hears it in the app
    }

    @Test
    void whatIsKnownAboutAComplaintIsWrittenOnlyWhenItChanges() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);
        ComplaintReceived filed = received("C-9", "U-9", "zh-CN", true);
        TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(
                "notification-service-" + NotificationStores.COMPLAINTS + "-changelog", new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());

        input(topics.complaintsReceived).pipeInput("C-9", filed);
        assertThat(changelog.readValuesToList()).as("the owner and contact, with the acknowledgment's dedup keys").hasSize(1);
        var triaged = Events.triaged(filed, ComplaintType.LOGISTICS, "logistics", false, null);
        input(topics.complaintsTriaged).pipeInput("C-9", triaged);
        assertThat(changelog.readValuesToList()).as("the assignment message's dedup key, once").hasSize(1);
        input(topics.complaintsTriaged).pipeInput("C-9", triaged);
        assertThat(changelog.readValuesToList()).as("a replayed triaged complaint tells nothing new").isEmpty();
        input(topics.complaintCases).pipeInput("C-9", Events.caseChange("C-9", "U-9", "zh-CN", 2, "ACCEPT", CaseState.ASSIGNED,
                CaseState.IN_PROGRESS, null));
        assertThat(changelog.readValuesToList()).as("the case version told").hasSize(1);
        input(topics.complaintCases).pipeInput("C-9", Events.caseChange("C-9", "U-9", "zh-CN", 2, "ACCEPT", CaseState.ASSIGNED,
                CaseState.IN_PROGRESS, null));
        assertThat(changelog.readValuesToList()).as("a replayed case change").isEmpty();
        KnownComplaint known = driver.<String, KnownComplaint>getKeyValueStore(NotificationStores.COMPLAINTS).get("C-9");
        assertThat(known).usingRecursiveComparison().ignoringFields("planned")
                .isEqualTo(new KnownComplaint("U-9", new ComplaintContact("张三", "13812345678", "buyer@example.com", true), 2));
        assertThat(known.planned()).containsOnlyKeys("C-9:ACKNOWLEDGMENT:IN_APP", "C-9:ACKNOWLEDGMENT:SMS", "C-9:ACKNOWLEDGMENT:EMAIL",
                triaged.getEnvelope().getEventId() + ":ASSIGNED:IN_APP", known.planned().keySet().stream()
                        .filter(key -> key.endsWith(":PROGRESS:IN_APP")).findFirst().orElse("a progress message's key"));
    }

    @Test
    void aReplayedEventIsNotSentAgain() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);
        ComplaintReceived complaint = received("C-2", "U-2", "zh-CN", true);

        input(topics.complaintsReceived).pipeInput("C-2", complaint);
        advance(TICK);
        input(topics.complaintsReceived).pipeInput("C-2", complaint);
        advance(TICK.multipliedBy(4));

        assertThat(sms.calls()).hasSize(1);
        assertThat(email.calls()).hasSize(1);
        assertThat(inbox("U-2")).hasSize(1);
        assertThat(receipts()).hasSize(3);
    }

    @Test
    void withoutConsentNoSmsOrEmailIsSentAndTheReceiptSaysWhy() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);

        input(topics.complaintsReceived).pipeInput("C-3", received("C-3", "U-3", "en", false));
        advance(TICK);

        assertThat(sms.calls()).isEmpty();
        assertThat(email.calls()).isEmpty();
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.SUPPRESSED)).singleElement()
                .satisfies(r -> assertThat(r.getError()).contains("consent"));
        assertThat(receipts(NotificationChannel.EMAIL, DeliveryStatus.SUPPRESSED)).hasSize(1);
        assertThat(receipts(NotificationChannel.IN_APP, DeliveryStatus.SENT)).hasSize(1);
    }

    @Test
    void atNightTheSmsWaitsForQuietHoursToEndWhileInAppAndEmailGoAtOnceAndFundsSafetyIsUrgent() throws Exception {
        start(shanghai("2026-11-23T23:00:00"), 10);
        input(topics.complaintsReceived).pipeInput("C-4", received("C-4", "U-4", "zh-CN", true));
        input(topics.complaintOutcomes).pipeInput("C-4", Events.outcome("C-4", "U-4", "zh-CN", ComplaintType.LOGISTICS,
                Remedy.FULL_REFUND, 12_990, "包裹丢失，商家无法提供签收证明", "R-LOG-3"));
        input(topics.complaintsReceived).pipeInput("C-5", received("C-5", "U-5", "zh-CN", true));
        input(topics.complaintOutcomes).pipeInput("C-5", Events.outcome("C-5", "U-5", "zh-CN", ComplaintType.FUNDS_SAFETY,
                Remedy.FULL_REFUND, 9_900, "核实为重复扣款", "R-PAY-1"));
        advance(TICK);

        assertThat(sms.calls()).extracting(m -> m.complaintId() + "/" + m.kind()).containsExactly("C-5/RESULT");
        assertThat(email.calls()).extracting(m -> m.complaintId() + "/" + m.kind())
                .containsExactlyInAnyOrder("C-4/ACKNOWLEDGMENT", "C-4/RESULT", "C-5/ACKNOWLEDGMENT", "C-5/RESULT");
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.DEFERRED))
                .extracting(r -> r.getEnvelope().getComplaintId() + "/" + r.getKind())
                .containsExactlyInAnyOrder("C-4/ACKNOWLEDGMENT", "C-4/RESULT", "C-5/ACKNOWLEDGMENT");
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.DEFERRED))
                .allSatisfy(r -> assertThat(r.getError()).startsWith("quiet hours until"));

        advance(Duration.ofHours(8).plusMinutes(59)); // 07:59
        assertThat(sms.calls()).hasSize(1);

        advance(Duration.ofMinutes(2)); // 08:01: what waited goes out, the surveys (due 00:00, never urgent) too
        assertThat(sms.calls()).extracting(m -> m.complaintId() + "/" + m.kind())
                .containsExactlyInAnyOrder("C-5/RESULT", "C-4/ACKNOWLEDGMENT", "C-4/RESULT", "C-5/ACKNOWLEDGMENT",
                        "C-4/SURVEY", "C-5/SURVEY");
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.SENT)).hasSize(6);
    }

    @Test
    void aProviderThatIsDownIsRetriedWithBackoffAndTheMessageDeliveredOnceItIsBack() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);
        sms.answer(SendOutcome.retry("HTTP 503 from sms"), SendOutcome.retry("HTTP 503 from sms"), SendOutcome.retry("circuit breaker of sms is open"));

        input(topics.complaintsReceived).pipeInput("C-6", received("C-6", "U-6", "zh-CN", true));
        advance(TICK);
        assertThat(sms.calls()).hasSize(1);
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.DEFERRED)).singleElement()
                .satisfies(r -> assertThat(r.getError()).contains("HTTP 503"));

        advance(Duration.ofSeconds(4)); // backoff 5 s not over yet
        assertThat(sms.calls()).hasSize(1);
        advance(Duration.ofSeconds(2)); // 5 s
        assertThat(sms.calls()).hasSize(2);
        advance(Duration.ofSeconds(10)); // + 10 s
        assertThat(sms.calls()).hasSize(3);
        advance(Duration.ofSeconds(20)); // + 20 s: the provider is back
        assertThat(sms.calls()).hasSize(4);
        advance(Duration.ofMinutes(5));

        assertThat(sms.calls()).hasSize(4).extracting(m -> m.idempotencyKey()).containsOnly(sms.calls().get(0).idempotencyKey());
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.SENT)).singleElement()
                .satisfies(r -> assertThat(r.getAttempts()).isEqualTo(4));
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.DEFERRED)).hasSize(1);
    }

    @Test
    void aMessageThatCannotBeDeliveredFailsWithItsReasonOnNotificationsDlt() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 3);
        sms.answer(SendOutcome.rejected("HTTP 400 from sms: invalid number"));
        email.answer(SendOutcome.retry("HTTP 503"), SendOutcome.retry("HTTP 503"), SendOutcome.retry("HTTP 503"));
        TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(topics.notifications.deadLetterTopic(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());

        input(topics.complaintsReceived).pipeInput("C-7", received("C-7", "U-7", "zh-CN", true));
        for (int round = 0; round < 8; round++) {
            advance(Duration.ofSeconds(5));
        }

        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.FAILED)).singleElement()
                .satisfies(r -> assertThat(r.getError()).contains("rejected by the provider: HTTP 400"));
        assertThat(receipts(NotificationChannel.EMAIL, DeliveryStatus.FAILED)).singleElement()
                .satisfies(r -> assertThat(r.getError()).contains("gave up after 3 attempts"));
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2).allSatisfy(d -> {
            assertThat(new String(d.key(), StandardCharsets.UTF_8)).isEqualTo("C-7");
            assertThat(header(d, DeadLetterHeaderNames.SOURCE_TOPIC)).isEqualTo("complaints-received");
            assertThat(header(d, DeadLetterHeaderNames.STAGE)).isEqualTo("delivery");
            assertThat(topics.notifications.valueSerde().deserializer().deserialize("notifications-dlt", d.value()).getStatus())
                    .isEqualTo(DeliveryStatus.FAILED);
        });
        assertThat(dead).extracting(d -> header(d, DeadLetterHeaderNames.REASON))
                .anySatisfy(reason -> assertThat(reason).contains("invalid number"))
                .anySatisfy(reason -> assertThat(reason).contains("gave up after 3 attempts"));
        advance(Duration.ofMinutes(10));
        assertThat(sms.calls()).hasSize(1);
        assertThat(email.calls()).hasSize(3);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aResultWithoutItsBasisIsStillToldWithTheGenericBasisCountedAndLoggedAsADefect() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);
        TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(topics.complaintOutcomes.deadLetterTopic(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(DeliveryProcessor.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log = new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            input(topics.complaintsReceived).pipeInput("C-8", received("C-8", "U-8", "zh-CN", true));
            input(topics.complaintOutcomes).pipeInput("C-8", Events.outcome("C-8", "U-8", "zh-CN", ComplaintType.PRICE, Remedy.REJECT, 0,
                    "不符合条件", null));
            advance(TICK);
        } finally {
            logger.detachAppender(log);
        }

        assertThat(deadLetters.readRecordsToList()).isEmpty();
        assertThat(inbox("U-8")).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(NotificationKind.RESULT);
            assertThat(m.text()).contains("暂不能支持您的诉求").contains("本次处理依据平台投诉处理规则作出").doesNotContain("不符合条件");
        });
        assertThat(metrics.counter("notification.result.generic_basis", "remedy", "REJECT").count()).isEqualTo(1.0);
        assertThat(log.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(e.getFormattedMessage()).contains("defect").contains("C-8").doesNotContain("U-8").doesNotContain("138");
        });
    }

    @Test
    void theSurveyFollowsTheResultAfterTheDelayAndResultsReachWebhookSubscribersWithoutContactData() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);
        ComplaintOutcome outcome = Events.outcome("C-9", "U-9", "en", ComplaintType.LOGISTICS, Remedy.PARTIAL_REFUND, 5_000,
                "The parcel arrived damaged; the merchant covers half", null);
        input(topics.complaintsReceived).pipeInput("C-9", received("C-9", "U-9", "en", true));
        input(topics.complaintOutcomes).pipeInput("C-9", outcome);
        advance(TICK);

        assertThat(inbox("U-9")).extracting(InboxMessage::kind).containsExactly(NotificationKind.ACKNOWLEDGMENT, NotificationKind.RESULT);
        assertThat(refunds.calls()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(NotificationKind.RESULT);
            assertThat(m.address()).isEqualTo("refund-system");
            assertThat(m.toString()).doesNotContain("13812345678");
        });
        KeyValueStore<String, SurveyState> surveys = driver.getKeyValueStore(NotificationStores.SURVEYS);
        assertThat(surveys.get("C-9").userId()).isEqualTo("U-9");

        advance(Duration.ofMinutes(59));
        assertThat(inbox("U-9")).hasSize(2);
        advance(Duration.ofMinutes(2));

        assertThat(inbox("U-9")).extracting(InboxMessage::kind).contains(NotificationKind.SURVEY);
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.SENT)).extracting(NotificationReceipt::getKind)
                .containsExactlyInAnyOrder(NotificationKind.ACKNOWLEDGMENT, NotificationKind.RESULT, NotificationKind.SURVEY);
    }

    @Test
    void everyKindOfMessageIsToldInTheComplaintsLanguage() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);
        for (String language : List.of("zh-CN", "en")) {
            String id = "C-" + language;
            String user = "U-" + language;
            ComplaintReceived complaint = received(id, user, language, false);
            input(topics.complaintsReceived).pipeInput(id, complaint);
            input(topics.complaintsTriaged).pipeInput(id, Events.triaged(complaint, ComplaintType.LOGISTICS, "logistics", false, null));
            input(topics.complaintsTriaged).pipeInput(id, Events.triaged(complaint, ComplaintType.STREAM_QUALITY, "tech-support", true,
                    "Switch to Wi-Fi and rejoin the room."));
            input(topics.complaintCases).pipeInput(id, Events.caseChange(id, user, language, 2, "ACCEPT", CaseState.ASSIGNED, CaseState.IN_PROGRESS, null));
            input(topics.complaintCases).pipeInput(id, Events.caseChange(id, user, language, 3, "PROGRESS_NOTE", CaseState.IN_PROGRESS,
                    CaseState.IN_PROGRESS, "快递公司已确认丢件"));
            input(topics.complaintCases).pipeInput(id, Events.caseChange(id, user, language, 4, "REQUEST_MERCHANT_RESPONSE",
                    CaseState.IN_PROGRESS, CaseState.AWAITING_MERCHANT, null));
            input(topics.slaEvents).pipeInput(id, Events.slaWarning(id, user, language, Instant.parse("2026-11-25T06:00:00Z")));
            input(topics.complaintCases).pipeInput(id, Events.caseChange(id, user, language, 5, "ESCALATE", CaseState.AWAITING_MERCHANT,
                    CaseState.ESCALATED, null));
            input(topics.complaintOutcomes).pipeInput(id, Events.outcome(id, user, language, ComplaintType.LOGISTICS, Remedy.REJECT, 0,
                    "签收记录显示本人已签收", "R-LOG-9"));
            input(topics.complaintCases).pipeInput(id, Events.caseChange(id, user, language, 6, "REOPEN", CaseState.REJECTED,
                    CaseState.REOPENED, null));
        }
        advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(inbox("U-zh-CN")).extracting(InboxMessage::text).containsExactly(
                "已收到您的投诉（编号 C-zh-CN），我们会在 2026-11-23 14:30 前处理并答复您。",
                "您的投诉（编号 C-zh-CN）已转交物流团队处理，我们会尽快与您联系。",
                "您反馈的直播卡顿（编号 C-zh-CN）经自动诊断主要来自当前网络环境。建议：Switch to Wi-Fi and rejoin the room. 如仍有问题，我们的技术团队会继续跟进。",
                "您的投诉（编号 C-zh-CN）已有客服开始处理。",
                "您的投诉（编号 C-zh-CN）处理进展：快递公司已确认丢件",
                "我们已就您的投诉（编号 C-zh-CN）联系商家，商家需在规定时间内答复，逾期平台将直接处理。",
                "您的投诉（编号 C-zh-CN）仍在处理中，我们没有忘记您，会在 2026-11-25 14:00 前给您答复。",
                "您的投诉（编号 C-zh-CN）已由客服提交主管跟进处理。",
                "您的投诉（编号 C-zh-CN）经核实，暂不能支持您的诉求。处理依据：签收记录显示本人已签收（依据平台规则 R-LOG-9） 如有异议，可在回访中申请重新处理。",
                "您的投诉（编号 C-zh-CN）已重新受理，我们会重新核实并尽快答复。",
                "您的投诉（编号 C-zh-CN）已处理完毕，请为本次处理打分（1-5 分）。如不满意，可申请重新处理。");
        assertThat(inbox("U-en")).extracting(InboxMessage::templateId).containsExactly(
                "acknowledgment@en", "assigned@en", "auto-reply@en", "progress.started@en", "progress.note@en",
                "progress.awaiting-merchant@en", "sla-warning@en", "escalated@en", "result.REJECT@en", "reopened@en", "survey@en");
        assertThat(inbox("U-en").get(8).text()).isEqualTo("After review we cannot support the request in your complaint C-en. "
                + "Basis: 签收记录显示本人已签收 (platform rule R-LOG-9) If you disagree, you can ask for a new review in the survey.");
    }

    @Test
    void dedupKeysAreForgottenAtTheComplaintsFirstChangeAfterTheRetention() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);
        ComplaintReceived complaint = received("C-10", "U-10", "zh-CN", true);
        input(topics.complaintsReceived).pipeInput("C-10", complaint);
        advance(TICK);
        KeyValueStore<String, KnownComplaint> complaints = driver.getKeyValueStore(NotificationStores.COMPLAINTS);
        String smsKey = DeliveryJob.keyOf("C-10", NotificationKind.ACKNOWLEDGMENT, NotificationChannel.SMS, null);
        assertThat(complaints.get("C-10").hasPlanned(smsKey)).isTrue();
        driver.advanceWallClockTime(Duration.ofDays(29));
        input(topics.complaintsReceived).pipeInput("C-10", complaint);
        assertThat(sms.calls()).as("within the retention a replay sends nothing").hasSize(1);

        driver.advanceWallClockTime(Duration.ofDays(1).plusMinutes(1));
        input(topics.complaintCases).pipeInput("C-10", Events.caseChange("C-10", "U-10", "zh-CN", 2, "ACCEPT", CaseState.ASSIGNED,
                CaseState.IN_PROGRESS, null));

        assertThat(complaints.get("C-10").hasPlanned(smsKey)).isFalse();
        assertThat(complaints.get("C-10").planned().keySet()).singleElement()
                .satisfies(key -> assertThat(key).endsWith(":PROGRESS:IN_APP"));
        assertThat(inbox("U-10")).hasSize(2);
    }

    @Test
    void theBookkeepingOfThePreviousReleaseDrainsByItselfAndStillDedups() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10);
        long now = shanghai("2026-11-23T14:00:00").toEpochMilli();
        ComplaintReceived complaint = received("C-13", "U-13", "zh-CN", true);
        driver.<String, KnownComplaint>getKeyValueStore(NotificationStores.COMPLAINTS).put("C-13",
                new KnownComplaint("U-13", new ComplaintContact("张三", "13812345678", "buyer@example.com", true), 0));
        // as the release before left it: in-app and SMS delivered (dedup record + PURGE), e-mail pending (job + SEND)
        KeyValueStore<String, DeliveryJob> oldJobs = driver.getKeyValueStore(LegacyDeliveries.DELIVERIES);
        DurableSchedule<String> oldSchedule = new DurableSchedule<>(driver.getKeyValueStore(LegacyDeliveries.SCHEDULE));
        for (NotificationChannel channel : List.of(NotificationChannel.IN_APP, NotificationChannel.SMS, NotificationChannel.EMAIL)) {
            String key = DeliveryJob.keyOf("C-13", NotificationKind.ACKNOWLEDGMENT, channel, null);
            DeliveryJob pending = new DeliveryJob(key, complaint.getEnvelope().getEventId(), topics.complaintsReceived.name(), 0, 7,
                    "C-13", complaint.getEnvelope().getTraceId(), "U-13", NotificationKind.ACKNOWLEDGMENT, channel, null, null,
                    "acknowledgment@zh-CN", "zh-CN", "投诉 C-13", "已收到您的投诉", now - 1000, now + 1000, 0, false,
                    io.livecomplaints.notification.delivery.model.JobStatus.PENDING, null, 0);
            if (channel == NotificationChannel.EMAIL) {
                oldJobs.put(key, pending);
                oldSchedule.schedule(Instant.ofEpochMilli(now + 1000), key, "SEND");
            } else {
                oldJobs.put(key, pending.attempted().finish(io.livecomplaints.notification.delivery.model.JobStatus.SENT, null, now - 500));
                oldSchedule.schedule(Instant.ofEpochMilli(now - 500 + Duration.ofDays(30).toMillis()), key, "PURGE");
            }
        }
        String emailKey = DeliveryJob.keyOf("C-13", NotificationKind.ACKNOWLEDGMENT, NotificationChannel.EMAIL, null);

        input(topics.complaintsReceived).pipeInput("C-13", complaint); // replayed after the upgrade
        assertThat(inbox("U-13")).as("the old dedup records still count").isEmpty();
        advance(Duration.ofSeconds(2));

        assertThat(email.calls()).singleElement().satisfies(m -> assertThat(m.idempotencyKey()).isEqualTo(emailKey));
        assertThat(sms.calls()).isEmpty();
        assertThat(receipts()).singleElement().satisfies(r -> {
            assertThat(r.getChannel()).isEqualTo(NotificationChannel.EMAIL);
            assertThat(r.getStatus()).isEqualTo(DeliveryStatus.SENT);
        });
        assertThat(oldJobs.get(emailKey)).as("handed over").isNull();
        assertThat(driver.<String, KnownComplaint>getKeyValueStore(NotificationStores.COMPLAINTS).get("C-13").hasPlanned(emailKey)).isTrue();
        input(topics.complaintsReceived).pipeInput("C-13", complaint);
        advance(TICK);
        assertThat(email.calls()).hasSize(1);

        driver.advanceWallClockTime(Duration.ofDays(30));
        try (KeyValueIterator<String, DeliveryJob> left = oldJobs.all()) {
            assertThat(left.hasNext()).as("the old dedup records purged after their retention").isFalse();
        }
        assertThat(oldSchedule.drainDue(Instant.ofEpochMilli(Long.MAX_VALUE), 10, due -> { })).isZero();
    }

    @Test
    void anInAppAcknowledgmentCostsItsInboxEntryAndNothingElseOfItsOwn() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10, Map.of(NotificationKind.ACKNOWLEDGMENT, Set.of(NotificationChannel.IN_APP)));

        input(topics.complaintsReceived).pipeInput("C-11", received("C-11", "U-11", "zh-CN", true));
        Map<String, Integer> filed = changelogWrites();
        advance(TICK);
        Map<String, Integer> dispatched = changelogWrites();
        driver.advanceWallClockTime(Duration.ofDays(30).plusMinutes(1)); // anything deferred: purges after the dedup retention
        Map<String, Integer> later = changelogWrites();

        assertThat(inbox("U-11")).hasSize(1);
        assertThat(receipts(NotificationChannel.IN_APP, DeliveryStatus.SENT)).hasSize(1);
        // the complaint's record (owner, contact) with the acknowledgment's dedup key in the same write, and the message
        assertThat(filed).isEqualTo(Map.of(NotificationStores.COMPLAINTS, 1, NotificationStores.INBOX, 1));
        assertThat(dispatched).isEmpty();
        assertThat(later).isEmpty();
    }

    @Test
    void anSmsProgressMessageRetriedOnceCostsItsScheduleEntriesOnly() throws Exception {
        start(shanghai("2026-11-23T14:00:00"), 10, Map.of(NotificationKind.ACKNOWLEDGMENT, Set.of(NotificationChannel.IN_APP),
                NotificationKind.PROGRESS, Set.of(NotificationChannel.SMS)));
        input(topics.complaintsReceived).pipeInput("C-12", received("C-12", "U-12", "zh-CN", true));
        advance(TICK);
        changelogWrites(); // the acknowledgment's, not counted
        sms.answer(SendOutcome.retry("HTTP 503 from sms"));

        input(topics.complaintCases).pipeInput("C-12", Events.caseChange("C-12", "U-12", "zh-CN", 2, "ACCEPT", CaseState.ASSIGNED,
                CaseState.IN_PROGRESS, null));
        Map<String, Integer> planned = changelogWrites();
        advance(TICK);
        Map<String, Integer> failed = changelogWrites();
        advance(Duration.ofSeconds(5));
        Map<String, Integer> sent = changelogWrites();
        driver.advanceWallClockTime(Duration.ofDays(30).plusMinutes(1));
        Map<String, Integer> later = changelogWrites();

        assertThat(sms.calls()).hasSize(2).extracting(m -> m.idempotencyKey()).containsOnly(sms.calls().get(0).idempotencyKey());
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.DEFERRED)).hasSize(1);
        assertThat(receipts(NotificationChannel.SMS, DeliveryStatus.SENT)).singleElement()
                .satisfies(r -> assertThat(r.getAttempts()).isEqualTo(2));
        // the case version told and the dedup key in one write of the complaint's record; the pending job
        assertThat(planned).isEqualTo(Map.of(NotificationStores.COMPLAINTS, 1, NotificationStores.JOBS, 1));
        assertThat(failed).as("its entry taken, the retry scheduled").isEqualTo(Map.of(NotificationStores.JOBS, 2));
        assertThat(sent).as("its entry taken").isEqualTo(Map.of(NotificationStores.JOBS, 1));
        assertThat(later).isEmpty();
    }
}
