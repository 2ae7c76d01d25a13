package io.livecomplaints.triage.tools;

import io.livecomplaints.triage.classification.ClassifierData;
import io.livecomplaints.triage.classification.ClassifierHolder;
import io.livecomplaints.triage.classification.SmartChineseSegmenter;
import io.livecomplaints.triage.classification.model.ClassifierSettings;
import io.livecomplaints.triage.classification.model.ComplaintClassifier;
import io.livecomplaints.triage.classification.model.LabeledComplaint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Classifications per second on this machine (not a test): the shipped classifier over the 400 labeled complaints
 * (Chinese and English, 6–50 characters), after a warm-up, on 1 thread and on as many threads as there are cores.
 * Run with {@code mvn -q -pl triage-service -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.livecomplaints.triage.tools.ClassifierBenchmark [-Dexec.args="SECONDS"]}.
 */
public final class ClassifierBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ComplaintClassifier classifier = new ClassifierHolder("classpath:classifier/", new SmartChineseSegmenter(),
                ClassifierSettings.defaults(), Clock.systemUTC()).classifier();
        List<String> texts = new ArrayList<>();
        ClassifierData.load("classpath:classifier/").examples().stream().map(LabeledComplaint::text).forEach(texts::add);
        ClassifierData.parseLabeled(ClassifierData.read("classpath:classifier/", "heldout.jsonl"), "heldout").stream()
                .map(LabeledComplaint::text).forEach(texts::add);

        System.out.printf(Locale.ROOT, "classifier %s, %d texts, %d cores, Java %s%n", classifier.version(), texts.size(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        run(classifier, texts, 1, 5);   // warm-up: JIT, smartcn dictionaries
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            double perSecond = run(classifier, texts, threads, seconds);
            System.out.printf(Locale.ROOT, "%d thread(s): %,.0f classifications/s (%.1f µs each per thread)%n", threads, perSecond,
                    1e6 * threads / perSecond);
        }
    }

    private static double run(ComplaintClassifier classifier, List<String> texts, int threads, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 97;
            counts.add(pool.submit(() -> {
                long n = 0;
                long sink = 0;
                while (!stop.get()) {
                    sink += classifier.classify(texts.get((int) ((n + offset) % texts.size()))).signals().size();
                    n++;
                }
                return sink >= 0 ? n : -n;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / elapsed;
    }
}
