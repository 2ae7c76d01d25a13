package io.livecomplaints.platform.faults;

import io.livecomplaints.platform.runtime.LocalCluster;
import io.livecomplaints.platform.simulator.EventPublisher;
import io.livecomplaints.platform.simulator.UpstreamWorld;
import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The fault-injection suite (not a test): starts its own broker, registry and the five services on free loopback
 * ports ({@link LocalCluster}), runs the chosen scenarios one after another on that deployment, prints a table per
 * scenario and writes each scenario's results into its own marked section of docs/reliability.md (the other
 * scenarios' records and the prose around them stay). Exits 1 if any scenario fails.
 *
 * <p>{@code bin/faults [all|kill|broker|poison|duplicates] [--complaints 20000] [--rate 25] [--services analytics-service,...]
 * [--out docs/reliability.md]}
 *
 * <p>{@code bin/faults instances [--standby 0|1|0,1] [--instances 2] [--routing by-user|round-robin] [--complaints 20000] [--rate 25]
 * [--transaction-timeout-ms N]}: the failover run of {@link FailoverRun}, once per standby setting, each on a fresh
 * deployment; the services' stream-thread transaction timeout is service-defaults' unless given (a survivor takes a
 * dead instance's partitions over only once the broker has aborted its open transaction).
 */
public final class FaultInjection {

    /** The block of docs/reliability.md that holds the scenarios' sections: a scenario's first section goes at its end. */
    static final String BEGIN = "<!-- bin/faults results: begin -->";
    static final String END = "<!-- bin/faults results: end -->";
    /** Channels every acknowledgment must reach in this deployment (SMS and e-mail have no provider configured). */
    static final Set<String> ACK_CHANNELS = Set.of("IN_APP");

    public static void main(String[] args) throws Exception {
        boolean named = args.length > 0 && !args[0].startsWith("--");
        String which = named ? args[0] : "all";
        Map<String, String> options = parse(args, named ? 1 : 0);
        int complaints = Integer.parseInt(options.getOrDefault("complaints", "20000"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "25"));
        Path target = Path.of(options.getOrDefault("platform-target", "platform/target"));
        Path out = Path.of(options.getOrDefault("out", "docs/reliability.md"));
        if (which.equals("instances")) {
            int instances = Integer.parseInt(options.getOrDefault("instances", "2"));
            boolean passed = true;
            ComplaintDriver.Routing routing = options.getOrDefault("routing", "by-user").equals("round-robin")
                    ? ComplaintDriver.Routing.ROUND_ROBIN : ComplaintDriver.Routing.BY_USER;
            String transactionTimeout = options.get("transaction-timeout-ms");
            for (String standby : options.getOrDefault("standby", "1").split(",")) {
                passed &= failover(target, out, instances, Integer.parseInt(standby.strip()), transactionTimeout, routing, complaints, rate);
            }
            System.exit(passed ? 0 : 1);
        }
        List<String> victims = options.containsKey("services") ? List.of(options.get("services").split(",")) : Scenario.SERVICES;
        List<Scenario> scenarios = Scenario.named(which, victims);
        Path work = Files.createTempDirectory("faults");

        System.out.printf("starting broker, registry and the five services under %s ...%n", work);
        List<ScenarioRunner.Result> results = new ArrayList<>();
        try (LocalCluster cluster = start(target, work)) {
            Topics topics = new Topics(new HttpSchemaRegistryClient(cluster.registryUrl()), true);
            UpstreamWorld world = new UpstreamWorld();
            try (EventPublisher publisher = new EventPublisher(cluster.bootstrapServers(), cluster.registryUrl())) {
                world.publish(topics, publisher, 20, 2000, new Random(11), Instant.now());
            }
            try (StallForensics forensics = StallForensics.of(cluster); LagMonitor monitor = watch(cluster, forensics)) {
                ScenarioRunner runner = new ScenarioRunner(cluster, topics, world, monitor, ACK_CHANNELS)
                        .onSlowRecovery(SLOW_RECOVERY, forensics::slowRecovery);
                String services = victims == Scenario.SERVICES ? "" : " --services " + String.join(",", victims);
                for (Scenario scenario : scenarios) {
                    ScenarioRunner.Result result = runner.run(scenario, complaints, rate);
                    results.add(result);
                    System.out.println();
                    System.out.println(ReliabilityReport.summary(List.of(result)));
                    System.out.println(ReliabilityReport.details(result));
                    // after every scenario, so a long run that breaks off still leaves what it measured
                    writeScenario(out, scenarioSection(result, services, complaints, rate));
                }
            }
        }
        System.out.println(ReliabilityReport.summary(results));
        System.out.println("written to " + out);
        System.exit(results.stream().allMatch(ScenarioRunner.Result::passed) ? 0 : 1);
    }

    /**
     * A scenario's section, between markers of its own: a kill of only some services ({@code --services}) has its own,
     * apart from the kill of all five.
     */
    static Section scenarioSection(ScenarioRunner.Result result, String services, int complaints, double rate) {
        String name = result.scenario().name() + services;
        String command = "bin/faults " + name + " --complaints " + complaints + " --rate " + (int) rate;
        return Section.named(name, ReliabilityReport.section(result, command));
    }

    /** Results between markers of their own, {@code <!-- bin/faults NAME results: begin/end -->}. */
    record Section(String begin, String end, String text) {

        static Section named(String name, String content) {
            String begin = "<!-- bin/faults " + name + " results: begin -->";
            String end = "<!-- bin/faults " + name + " results: end -->";
            return new Section(begin, end, begin + "\n\n" + content + end);
        }
    }

    /** Broker, registry and the five services, the intake's rate limits opened (one IP address, few users here). */
    public static LocalCluster start(Path platformTarget, Path workDir) throws Exception {
        LocalCluster cluster = LocalCluster.in(platformTarget, workDir);
        try {
            cluster.startBroker().startRegistry();
            for (String service : Scenario.SERVICES) {
                cluster.startService(service, service.equals("intake-service") ? LocalCluster.INTAKE_LIMITS_OPENED : Map.of());
            }
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /** Kill points of the failover run: 20, 50 and 80% of the complaints filed. */
    static final List<Double> FAILOVER_KILLS = List.of(0.2, 0.5, 0.8);

    /** One failover run on a fresh deployment of {@code instances} of each service; writes its section of the report. */
    private static boolean failover(Path target, Path out, int instances, int standby, String transactionTimeout,
                                    ComplaintDriver.Routing routing, int complaints, double rate) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(standbyEnvironment(standby));
        String timed = "";
        if (transactionTimeout != null) {
            environment.put("COMPLAINTS_STREAMS_TRANSACTION_TIMEOUT_MS", Integer.toString(Integer.parseInt(transactionTimeout)));
            timed = " --transaction-timeout-ms " + transactionTimeout;
        }
        Path work = Files.createTempDirectory("faults-instances");
        System.out.printf("starting broker, registry and %d instances of each of the five services (standby replicas %d) under %s ...%n",
                instances, standby, work);
        FailoverRun.Result result;
        try (LocalCluster cluster = LocalCluster.in(target, work)) {
            cluster.startBroker().startRegistry();
            try (ServiceReplicas replicas = ServiceReplicas.start(cluster, target, Scenario.SERVICES, instances, environment)) {
                result = failoverOn(cluster, replicas, standby, routing, complaints, rate, FAILOVER_KILLS);
            }
        }
        String report = FailoverReport.of(result);
        System.out.println();
        System.out.println(report);
        String routed = routing == ComplaintDriver.Routing.ROUND_ROBIN ? " --routing round-robin" : "";
        String command = "bin/faults instances --standby " + standby + " --instances " + instances + routed + timed + " --complaints "
                + complaints + " --rate " + (int) rate;
        Section section = Section.named("instances --standby " + standby + routed + timed, ReliabilityReport.measuredOn(command) + "\n\n" + report);
        write(out, section.begin(), section.end(), section.text());
        System.out.println("written to " + out);
        return result.passed();
    }

    /** The services' environment for a number of standby replicas (service-defaults: complaints.streams.standby-replicas). */
    public static Map<String, String> standbyEnvironment(int standby) {
        return Map.of("COMPLAINTS_STREAMS_STANDBY_REPLICAS", Integer.toString(standby));
    }

    /** The failover run on running replicas: upstream world published, lag monitored, the kills at {@code killPoints}. */
    public static FailoverRun.Result failoverOn(LocalCluster cluster, ServiceReplicas replicas, int standby, ComplaintDriver.Routing routing,
                                                int complaints, double rate, List<Double> killPoints) throws Exception {
        Topics topics = new Topics(new HttpSchemaRegistryClient(cluster.registryUrl()), true);
        UpstreamWorld world = new UpstreamWorld();
        try (EventPublisher publisher = new EventPublisher(cluster.bootstrapServers(), cluster.registryUrl())) {
            world.publish(topics, publisher, 20, 2000, new Random(11), Instant.now());
        }
        try (StallForensics forensics = StallForensics.of(cluster); LagMonitor monitor = watch(cluster, forensics)) {
            return new FailoverRun(cluster, replicas, topics, world, monitor, ACK_CHANNELS).run(complaints, rate, killPoints, standby, routing);
        }
    }

    /** Lag of every service's group, and what a stall looked like once it has lasted {@link #FORENSICS_AFTER}. */
    static LagMonitor watch(LocalCluster cluster, StallForensics forensics) {
        return new LagMonitor(cluster.bootstrapServers(), Scenario.SERVICES).onLongStall(FORENSICS_AFTER, forensics::longStall);
    }

    /** Half the recovery a fault may take: a capture then still sees what holds the recovery up. */
    static final java.time.Duration SLOW_RECOVERY = ScenarioRunner.MAX_RECOVERY.dividedBy(2);

    /** Three times the longest stall a run may have: long enough to be a real stall, early enough to catch it live. */
    static final java.time.Duration FORENSICS_AFTER = ScenarioRunner.MAX_STALL.multipliedBy(3);

    /**
     * Replaces a scenario's section (markers included) and nothing else; its first section goes at the end of the
     * {@code BEGIN}/{@code END} results block, or at the end of the report when there is none.
     */
    static void writeScenario(Path out, Section section) throws java.io.IOException {
        String text = Files.exists(out) ? Files.readString(out) : "";
        int resultsEnd = text.indexOf(END);
        if (!text.contains(section.begin()) && text.indexOf(BEGIN) >= 0 && resultsEnd > text.indexOf(BEGIN)) {
            Files.writeString(out, text.substring(0, resultsEnd) + section.text() + "\n\n" + text.substring(resultsEnd));
        } else {
            write(out, section.begin(), section.end(), section.text());
        }
    }

    /** Replaces what lies between {@code beginMarker} and {@code endMarker} (both included) with {@code section}, or appends it. */
    static void write(Path out, String beginMarker, String endMarker, String section) throws java.io.IOException {
        String text = Files.exists(out) ? Files.readString(out) : "";
        int begin = text.indexOf(beginMarker);
        int end = text.indexOf(endMarker, Math.max(begin, 0));
        if (begin >= 0 && end > begin) {
            text = text.substring(0, begin) + section + text.substring(end + endMarker.length());
        } else {
            text = text + (text.isEmpty() ? "# Reliability under faults\n\n" : "\n") + section + "\n";
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
    }

    private static Map<String, String> parse(String[] args, int from) {
        Map<String, String> options = new HashMap<>();
        for (int i = from; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
