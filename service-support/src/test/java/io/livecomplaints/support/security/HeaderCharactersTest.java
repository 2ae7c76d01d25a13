package io.livecomplaints.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderCharactersTest {

    /** StrictHttpFirewall's own patterns (Spring Security 7.1), the rules our loops replace. */
    private static final Pattern SPRING_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern SPRING_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void acceptsWhatSpringsFirewallAcceptsForEveryCodePoint() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String text = "a" + new String(Character.toChars(cp)) + "b";
            assertThat(HeaderCharacters.assignedAndNotControl(text)).as("U+%04X name", cp)
                    .isEqualTo(SPRING_NAMES.matcher(text).matches());
            assertThat(HeaderCharacters.assignedAndNotControlOrTab(text)).as("U+%04X value", cp)
                    .isEqualTo(SPRING_VALUES.matcher(text).matches());
        }
        for (String text : new String[] {"", "\uD83D", "a\uDE00", "\uDE00\uD83D", "\uD83D\uDE00\uD83D"}) {
            assertThat(HeaderCharacters.assignedAndNotControl(text)).as(text).isEqualTo(SPRING_NAMES.matcher(text).matches());
            assertThat(HeaderCharacters.assignedAndNotControlOrTab(text)).as(text).isEqualTo(SPRING_VALUES.matcher(text).matches());
        }
    }

    @Test
    void theFirewallRefusesControlAndUnassignedCharactersInHeaders() {
        StrictHttpFirewall firewall = HeaderCharacters.strictFirewall();
        assertThat(header(firewall, "X-Note", "直播间 退款 😀\tok")).isEqualTo("直播间 退款 😀\tok");
        assertThatThrownBy(() -> header(firewall, "X-Note", "a\u0007b")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> header(firewall, "X-Note", "a\u0085b")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> header(firewall, "X-Note", "a\u0378b")).as("unassigned").isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> header(firewall, "X-No\tte", "a")).as("tab in a name").isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> parameter(firewall, "q\u0001")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void everyOtherCheckIsSpringsDefault() {
        StrictHttpFirewall firewall = HeaderCharacters.strictFirewall();
        for (String uri : new String[] {"/api/v1/a%2Fb", "/api/v1/a;b", "/api/v1/../x", "/api/v1/a%00b", "/api/v1//a"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
            assertThatThrownBy(() -> firewall.getFirewalledRequest(request)).as(uri).isInstanceOf(RequestRejectedException.class);
        }
        assertThatThrownBy(() -> firewall.getFirewalledRequest(new MockHttpServletRequest("TRACE", "/api/v1/x")))
                .isInstanceOf(RequestRejectedException.class);
    }

    private static String header(StrictHttpFirewall firewall, String name, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/complaints");
        request.addHeader(name, value);
        return firewall.getFirewalledRequest(request).getHeader(name);
    }

    private static String parameter(StrictHttpFirewall firewall, String name) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/complaints");
        request.addParameter(name, "x");
        return firewall.getFirewalledRequest(request).getParameter(name);
    }
}
