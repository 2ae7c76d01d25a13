package io.livecomplaints.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class AuthorizationHeaderTokenResolverTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJVLTEiLCJyb2xlcyI6WyJVU0VSIl19.c2lnbmF0dXJl-_~+/";

    private final AuthorizationHeaderTokenResolver resolver = new AuthorizationHeaderTokenResolver();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void readsTheTokenOfAWellFormedHeaderInAnyCaseOfTheScheme() {
        assertThat(resolve("Bearer " + JWT)).isEqualTo(JWT);
        assertThat(resolve("bearer " + JWT)).isEqualTo(JWT);
        assertThat(resolve("BEARER " + JWT)).isEqualTo(JWT);
        assertThat(resolve("bEaReR abc")).isEqualTo("abc");
    }

    @Test
    void keepsTrailingPaddingAsPartOfTheToken() {
        assertThat(resolve("Bearer abc=")).isEqualTo("abc=");
        assertThat(resolve("Bearer abc==")).isEqualTo("abc==");
    }

    @Test
    void refusesMalformedBearerHeadersAsAnInvalidToken() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearer  abc", "Bearer abc ", "Bearer ab c", "Bearer ab=c",
                "Bearer ==", "Bearer =abc", "Bearer ab\"c", "Bearer ab,c", "Bearer ab%c", "Bearer abé", "Bearer\tabc",
                "Bearerabc", "bearer-abc", "Bearer abc\n", "Bearer abc\r\n"}) {
            assertThatThrownBy(() -> resolve(header)).as(header).isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                BearerTokenError error = (BearerTokenError) e.getError();
                assertThat(error.getErrorCode()).isEqualTo("invalid_token");
                assertThat(error.getDescription()).isEqualTo("Bearer token is malformed");
                assertThat(error.getHttpStatus().value()).isEqualTo(401);
            });
        }
    }

    @Test
    void noBearerHeaderIsNoToken() {
        assertThat(resolver.resolve(new MockHttpServletRequest())).isNull();
        assertThat(resolve("Basic cHJvbWV0aGV1czpzZWNyZXQ=")).isNull();
        assertThat(resolve("")).isNull();
        assertThat(resolve("Beare abc")).isNull();
    }

    @Test
    void neverReadsTokensFromTheQueryOrAForm() {
        MockHttpServletRequest query = new MockHttpServletRequest("GET", "/api/v1/complaints");
        query.setQueryString("access_token=abc");
        query.addParameter("access_token", "abc");
        assertThat(resolver.resolve(query)).isNull();
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/api/v1/complaints");
        form.setContentType("application/x-www-form-urlencoded");
        form.addParameter("access_token", "abc");
        assertThat(resolver.resolve(form)).isNull();
    }

    /** Every UTF-16 unit at every position of a short header: the same token or the same refusal as Spring's regex. */
    @Test
    void decidesLikeSpringsResolverForEveryCharacterAnywhere() {
        List<String> headers = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String ch = String.valueOf((char) c);
            headers.add("Bearer a" + ch);
            headers.add("Bearer " + ch);
            headers.add("Bearer a=" + ch);
            headers.add("Bearer" + ch + "a");
            headers.add(ch + "earer a");
            headers.add("bEa" + ch + "er a");
        }
        headers.add("Bearer a" + new String(Character.toChars(0x1F600)));
        for (String header : headers) {
            assertThat(outcome(resolver, header)).as("%s", header.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(outcome(spring, header));
        }
    }

    private String resolve(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/complaints");
        request.addHeader("Authorization", header);
        return resolver.resolve(request);
    }

    private static String outcome(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/complaints");
        request.addHeader("Authorization", header);
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getError().getDescription() + " " + e.getMessage();
        }
    }
}
