package io.livecomplaints.schemas.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one evidence-link rule of intake and resolution. */
class EvidenceUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://img.example.com/1.png", "http://replay.example.com/S-9?t=1834",
            "HTTPS://IMG.EXAMPLE.COM/a.jpg", "https://8.8.8.8/x.png", "https://[2001:4860:4860::8888]/x",
            "https://cdn.xn--fiqs8s/a.png", " https://img.example.com/trailing-space.png "})
    void publicHttpLinksAreEvidence(String url) {
        assertThat(EvidenceUrls.problem(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(document.cookie)", "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>", "ftp://files.example.com/a", "//img.example.com/a.png",
            "img.example.com/a.png", "https:///nohost", "http://user:pw@img.example.com/a.png"})
    void otherSchemesAndMissingHostsAreRefused(String url) {
        assertThat(EvidenceUrls.problem(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:8083/actuator",
            "http://localhost/a", "http://api.localhost/a", "http://10.0.0.5/a", "http://192.168.1.1/a",
            "http://172.16.0.1/a", "http://0.0.0.0/a", "http://100.64.0.1/a", "http://224.0.0.1/a",
            "http://[::1]/a", "http://[fe80::1]/a", "http://[fd00::1]/a", "http://[::ffff:169.254.169.254]/a",
            "http://2852039166/a", "http://0xA9FEA9FE/a", "http://127.1/a", "http://999.1.1.1/a", "http://intranet/a"})
    void localPrivateLinkLocalAndNumericHostsAreRefused(String url) {
        assertThat(EvidenceUrls.problem(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aLinkIsRequired(String url) {
        assertThat(EvidenceUrls.problem(url)).contains("is required: where the evidence is kept");
        assertThat(EvidenceUrls.problem(null)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void longLinksAreRefusedAtTheCap() {
        String base = "https://img.example.com/";
        assertThat(EvidenceUrls.problem(base + "a".repeat(40), 64)).isEmpty();
        assertThat(EvidenceUrls.problem(base + "a".repeat(41), 64)).contains("must be at most 64 characters");
    }
}
