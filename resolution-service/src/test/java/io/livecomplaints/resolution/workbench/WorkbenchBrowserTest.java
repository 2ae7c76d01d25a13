package io.livecomplaints.resolution.workbench;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.resolution.api.ApiTestSupport;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The workbench page in headless Chromium against the running service: an agent sees the case in their queue, opens
 * it, accepts it and resolves it with the page's forms; another finds a case by search, reads the complaint, adds an
 * internal note and transfers it; a supervisor sees the team board. The API confirms each result. Leaves screenshots
 * in target/workbench.png and target/workbench-case.png. Without Chromium the tests are skipped, except under CI
 * (environment variable {@code CI} set), where a missing browser fails them: bin/test installs it.
 */
class WorkbenchBrowserTest extends ApiTestSupport {

    @BeforeAll
    static void chromiumInstalled() {
        boolean installed = Files.isExecutable(HeadlessChromium.BINARY);
        if (System.getenv("CI") != null) {
            assertThat(installed).as(HeadlessChromium.BINARY + " is required under CI (bin/test installs chromium and fonts-noto-cjk)").isTrue();
        }
        Assumptions.assumeTrue(installed, HeadlessChromium.BINARY + " is not installed (bin/test installs it)");
    }

    @Test
    void anAgentWorksACaseFromQueueToResolutionInTheBrowser() throws Exception {
        String team = "wb-" + UUID.randomUUID().toString().substring(0, 8);
        String id = "C-wb-" + UUID.randomUUID().toString().substring(0, 8);
        ComplaintTriaged complaint = triaged(id, Instant.now()).setTeam(team).setPriority(70).build();
        try (TopicWriter<ComplaintTriaged> writer = TestPlatform.get().writer(TestPlatform.get().topics().complaintsTriaged)) {
            writer.send(id, complaint);
        }
        String token = TestPlatform.get().tokens().agent("W-1", "SENIOR", team);

        try (HeadlessChromium browser = new HeadlessChromium()) {
            String page = "http://127.0.0.1:" + port + "/workbench/index.html";
            browser.navigate(page + "#token=" + token);
            // the queue shows the case once the service has opened it
            browser.await("(function(){ document.getElementById('refresh').click(); return !!document.querySelector('tr[data-case=\"" + id + "\"]'); })()",
                    "true"::equals, TIMEOUT);
            browser.eval("document.querySelector('tr[data-case=\"" + id + "\"]').click()");
            assertThat(browser.await("document.querySelector('#case-state') && document.querySelector('#case-state').dataset.state",
                    "TRIAGED"::equals, TIMEOUT)).isEqualTo("TRIAGED");
            assertThat(browser.eval("document.getElementById('timeline').textContent")).contains("TRIAGED");

            browser.eval("document.querySelector('button[data-action=ACCEPT]').click()");
            browser.eval("document.querySelector('form[data-form=ACCEPT] button[type=submit]').click()");
            browser.await("document.querySelector('#case-state').dataset.state", "IN_PROGRESS"::equals, TIMEOUT);

            browser.eval("document.querySelector('button[data-action=RESOLVE]').click()");
            browser.eval("(function(){ var f = document.querySelector('form[data-form=RESOLVE]');"
                    + " f.remedy.value = 'PARTIAL_REFUND'; f.refundFen.value = '12000'; f.liableParty.value = 'MERCHANT';"
                    + " f.reason.value = '商品与直播间展示不符，退还差价'; f.querySelector('button[type=submit]').click(); })()");
            browser.await("document.querySelector('#case-state').dataset.state", "RESOLVED"::equals, TIMEOUT);
            assertThat(browser.eval("document.getElementById('detail').textContent")).contains("PARTIAL_REFUND", "¥120.00");
            Files.write(Path.of("target", "workbench.png"), browser.screenshot());
        }

        HttpResponse<String> viaApi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + id)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaApi.body()).contains("\"state\":\"RESOLVED\"", "\"actorId\":\"W-1\"");
    }

    @Test
    void anAgentFindsACaseReadsTheComplaintNotesItInternallyAndTransfersIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String id = "C-wb2-" + tag;
        ComplaintTriaged complaint = io.livecomplaints.resolution.api.CaseWorkApiTest.coat(id, Instant.now());
        complaint = ComplaintTriaged.newBuilder(complaint).setComplaint(io.livecomplaints.events.ComplaintReceived
                .newBuilder(complaint.getComplaint()).setOrderId("O-wb-" + tag).build()).build();
        try (TopicWriter<ComplaintTriaged> writer = TestPlatform.get().writer(TestPlatform.get().topics().complaintsTriaged)) {
            writer.send(id, complaint);
        }
        String token = TestPlatform.get().tokens().agent("W-2", "SENIOR", TEAM);
        awaitStatus("/api/v1/cases/" + id, token, 200); // the service has opened the case

        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.navigate("http://127.0.0.1:" + port + "/workbench/index.html#token=" + token);
            awaitScriptsBound(browser);
            // search by order (the case appears once the service has opened it)
            browser.await("(function(){ var f = document.getElementById('search'); f.orderId.value = 'O-wb-" + tag + "';"
                    + " f.querySelector('button[type=submit]').click(); return !!document.querySelector('#results tr[data-case=\"" + id + "\"]'); })()",
                    "true"::equals, TIMEOUT.multipliedBy(2));
            browser.eval("document.querySelector('#results tr[data-case=\"" + id + "\"]').click()");
            browser.await("document.querySelector('#case-state') && document.querySelector('#case-state').dataset.state", "TRIAGED"::equals, TIMEOUT);
            // the complaint comes first, with demands, product, promises, evidence, diagnosis, reasons and the masked contact
            assertThat(browser.eval("document.getElementById('complaint-text').textContent")).startsWith("直播间说是100%羊毛大衣");
            assertThat(browser.eval("document.getElementById('complaint').textContent")).contains("demand REFUND", "双面羊毛大衣",
                    "100%羊毛", "label.jpg", "NO_TELEMETRY", "severity HIGH", "138****5678", "同意联系").doesNotContain("13812345678");

            browser.eval("document.querySelector('button[data-action=INTERNAL_NOTE]').click()");
            browser.eval("(function(){ var f = document.querySelector('form[data-form=INTERNAL_NOTE]'); f.text.value = '面料问题归物流？先核对快递破损照片';"
                    + " f.querySelector('button[type=submit]').click(); })()");
            browser.await("document.querySelector('#timeline tr.internal') ? document.querySelector('#timeline tr.internal').textContent : ''",
                    t -> t.contains("先核对快递破损照片") && t.contains("internal 内部"), TIMEOUT);
            Files.write(Path.of("target", "workbench-case.png"), browser.fullPageScreenshot());

            browser.eval("document.querySelector('button[data-action=TRANSFER]').click()");
            browser.eval("(function(){ var f = document.querySelector('form[data-form=TRANSFER]'); f.team.value = 'logistics';"
                    + " f.reason.value = '快递途中破损，转物流组'; f.querySelector('button[type=submit]').click(); })()");
            browser.await("document.getElementById('detail').textContent", t -> t.contains("TRANSFER after-sales → logistics"), TIMEOUT);
            assertThat(browser.eval("document.querySelector('#case-state').dataset.state")).isEqualTo("TRIAGED");
        }

        String supervisor = TestPlatform.get().tokens().supervisor("S-wb", "SUPERVISOR");
        HttpResponse<String> viaApi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + id)).header("Authorization", "Bearer " + supervisor).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaApi.body()).contains("\"team\":\"logistics\"", "\"action\":\"INTERNAL_NOTE\"", "\"visibility\":\"INTERNAL\"",
                "\"actorId\":\"W-2\"");
    }

    @Test
    void aSupervisorSeesTheTeamBoard() throws Exception {
        String id = "C-wb3-" + UUID.randomUUID().toString().substring(0, 8);
        ComplaintTriaged escalating = triaged(id, Instant.now().minus(Duration.ofHours(1))).setTeam("anchor-governance").build();
        try (TopicWriter<ComplaintTriaged> writer = TestPlatform.get().writer(TestPlatform.get().topics().complaintsTriaged)) {
            writer.send(id, escalating); // its first response was due half an hour ago: it escalates at once
        }
        String token = TestPlatform.get().tokens().supervisor("S-wb2", "SUPERVISOR");
        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.navigate("http://127.0.0.1:" + port + "/workbench/index.html#token=" + token);
            awaitScriptsBound(browser);
            browser.await("document.getElementById('board-panel').hidden ? 'hidden' : 'shown'", "shown"::equals, TIMEOUT);
            browser.await("(function(){ var s = document.getElementById('board-team'); s.value = 'anchor-governance'; s.onchange();"
                    + " return !!document.querySelector('#board li[data-case=\"" + id + "\"]'); })()", "true"::equals, TIMEOUT);
            assertThat(browser.eval("document.getElementById('board').textContent")).contains("Escalations waiting 升级待办", "ESCALATED");
            // the escalation reached the supervisor: it is in their queue
            browser.await("(function(){ document.getElementById('refresh').click(); var r = document.querySelector('#queue tr[data-case=\"" + id + "\"]');"
                    + " return r ? r.textContent : ''; })()", t -> t.contains("ESCALATED"), TIMEOUT);
            Files.write(Path.of("target", "workbench-board.png"), browser.screenshot());
        }
    }

    /**
     * Waits until workbench.js has bound its handlers: a click on the search button before that would submit the form
     * natively (a page load without the token), which a slow machine makes likely.
     */
    private static void awaitScriptsBound(HeadlessChromium browser) throws Exception {
        browser.await("!!(window.workbench && document.getElementById('search') && document.getElementById('search').onsubmit)",
                "true"::equals, TIMEOUT);
    }
}
