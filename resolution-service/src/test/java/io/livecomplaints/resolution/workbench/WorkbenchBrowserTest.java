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
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The workbench page in headless Chromium against the running service: an agent sees the case in their queue, opens
 * it, accepts it and resolves it with the page's forms; the API confirms the result. Leaves a screenshot in
 * target/workbench.png.
 */
@EnabledIf("chromiumInstalled")
class WorkbenchBrowserTest extends ApiTestSupport {

    static boolean chromiumInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/chromium"));
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
}
