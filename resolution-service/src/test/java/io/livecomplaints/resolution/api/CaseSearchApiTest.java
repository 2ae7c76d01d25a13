package io.livecomplaints.resolution.api;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.resolution.ResolutionApplication;
import io.livecomplaints.testkit.TestPlatform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code GET /api/v1/cases} over real HTTP with two instances of the service in one consumer group (the case
 * partitions split between them): both answer the same search for every case, whichever instance owns it.
 */
class CaseSearchApiTest extends ApiTestSupport {

    @Test
    void everyInstanceFindsEveryCaseByEachFilterNewestFirstAndPaged() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String merchant = "M-s-" + tag;
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String[] ids = new String[6];
        for (int i = 0; i < ids.length; i++) { // six cases of one merchant: keys spread over both partitions
            ids[i] = "C-search-" + tag + "-" + i;
            ComplaintTriaged.Builder t = triaged(ids[i], t0.plusSeconds(i));
            ComplaintReceived c = ComplaintReceived.newBuilder(t.getComplaint()).setOrderId("O-" + tag + "-" + i)
                    .setUserId(i == 0 ? "U-s-" + tag : "U-1")
                    .setText(i == 2 ? "主播承诺赠送围巾，一直没有发货" : "收到的大衣和直播间展示的不一样")
                    .setEnrichment(Enrichment.newBuilder(t.getComplaint().getEnrichment()).setMerchantId(merchant).build()).build();
            open(t.setComplaint(c).build());
        }
        try (ConfigurableApplicationContext second = secondInstance()) {
            int otherPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            String supervisor = supervisor("S-s");
            for (int p : new int[] {port, otherPort}) {
                String all = awaitOn(p, "/api/v1/cases?merchantId=" + merchant, supervisor, "\"total\":6");
                // newest first
                assertThat(all.indexOf(ids[5])).isLessThan(all.indexOf(ids[4]));
                assertThat(all.indexOf(ids[1])).isLessThan(all.indexOf(ids[0]));
                assertThat(getOn(p, "/api/v1/cases?orderId=O-" + tag + "-3", supervisor)).contains("\"total\":1", ids[3]);
                assertThat(getOn(p, "/api/v1/cases?userId=U-s-" + tag, supervisor)).contains("\"total\":1", ids[0]);
                String words = getOn(p, "/api/v1/cases?merchantId=" + merchant + "&q=" + enc("围巾 发货"), supervisor);
                assertThat(words).contains("\"total\":1", ids[2], "\"excerpt\":\"主播承诺赠送围巾，一直没有发货\"");
                String page = getOn(p, "/api/v1/cases?merchantId=" + merchant + "&size=4&page=1", supervisor);
                assertThat(page).contains("\"page\":1", "\"size\":4", "\"total\":6", ids[1], ids[0]).doesNotContain(ids[2]);
                assertThat(getOn(p, "/api/v1/cases?merchantId=" + merchant + "&state=TRIAGED&type=PRODUCT_QUALITY&severity=MEDIUM"
                        + "&team=after-sales&anchorId=A-1&from=" + t0 + "&to=" + t0.plusSeconds(3), supervisor)).contains("\"total\":3");
                assertThat(getOn(p, "/api/v1/cases?merchantId=" + merchant + "&dueBefore=" + t0.plus(Duration.ofHours(1)), supervisor))
                        .contains("\"total\":6", "\"nextClock\":\"FIRST_RESPONSE\"");
                assertThat(getOn(p, "/api/v1/cases?merchantId=" + merchant + "&dueBefore=" + t0, supervisor)).contains("\"total\":0");
                // an agent sees their own team's cases only
                assertThat(getOn(p, "/api/v1/cases?merchantId=" + merchant, agent("A-s", "JUNIOR"))).contains("\"total\":6");
                assertThat(getOn(p, "/api/v1/cases?merchantId=" + merchant,
                        TestPlatform.get().tokens().agent("L-s", "SENIOR", "logistics"))).contains("\"total\":0");
            }
            System.out.println("GET /api/v1/cases?merchantId=" + merchant + "&q=" + "围巾 发货" + " → "
                    + getOn(otherPort, "/api/v1/cases?merchantId=" + merchant + "&q=" + enc("围巾 发货"), supervisor));
            assertThat(getOn(port, "/api/v1/cases?size=201", supervisor)).contains("\"field\":\"size\"");
            assertThat(getOn(port, "/api/v1/cases?state=LOST&dueBefore=tomorrow", supervisor)).contains("\"field\":\"state\"", "\"field\":\"dueBefore\"");
            assertThat(get("/api/v1/cases?merchantId=" + merchant, TestPlatform.get().tokens().user("U-1")).statusCode()).isEqualTo(403);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private ConfigurableApplicationContext secondInstance() throws Exception {
        TestPlatform platform = TestPlatform.get();
        return new SpringApplicationBuilder(ResolutionApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + platform.bootstrapServers(),
                "--complaints.schema-registry.url=" + platform.registryUrl(),
                "--complaints.state-dir=" + Files.createTempDirectory("resolution-second"),
                "--complaints.topics.partitions=2",
                "--complaints.security.jwt-secret=" + platform.jwtSecret());
    }

    private String getOn(int p, String path, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private String awaitOn(int p, String path, String token, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last;
        do {
            last = getOn(p, path, token);
            if (last.contains(expected)) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " on port " + p + " never showed " + expected + "; last: " + last);
    }
}
