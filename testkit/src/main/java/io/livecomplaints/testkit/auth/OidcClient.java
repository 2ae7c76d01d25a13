package io.livecomplaints.testkit.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets tokens from an OIDC provider over real HTTP, as a browser and a system would: the authorization-code flow with
 * PKCE (authorize, the login form with its CSRF token, the redirect with the code, the token request with the
 * verifier) and client credentials.
 */
public final class OidcClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String issuer;

    public OidcClient(String issuer) {
        this.issuer = issuer;
    }

    /** Signs {@code username} in through the login form and returns the access token the workbench client gets. */
    public String loginWithPkce(String clientId, String redirectUri, String username, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(12);
        String authorize = issuer + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", redirectUri, "scope", "openid profile", "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        require(toLogin.statusCode() == 302, "authorize should redirect to the login page", toLogin);
        HttpResponse<String> loginPage = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/login")).GET().build());
        Matcher csrf = CSRF.matcher(loginPage.body());
        require(csrf.find(), "the login page should carry a CSRF token", loginPage);
        HttpResponse<String> loggedIn = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1))))).build());
        require(loggedIn.statusCode() == 302 && !location(loggedIn).contains("error"), "login should succeed", loggedIn);
        HttpResponse<String> withCode = send(browser, HttpRequest.newBuilder(URI.create(absolute(location(loggedIn))))
                .GET().build());
        String redirect = location(withCode);
        require(withCode.statusCode() == 302 && redirect.startsWith(redirectUri), "authorize should redirect with a code", withCode);
        Map<String, String> query = query(URI.create(redirect).getRawQuery());
        require(state.equals(query.get("state")), "state should come back", withCode);
        HttpResponse<String> token = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", query.get("code"), "redirect_uri", redirectUri, "client_id", clientId,
                        "code_verifier", verifier)))).build());
        return accessToken(token);
    }

    /** A system's own token (client credentials, HTTP Basic client authentication). */
    public String clientCredentials(String clientId, String secret) {
        HttpClient client = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = send(client, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        return accessToken(token);
    }

    private static String accessToken(HttpResponse<String> response) {
        require(response.statusCode() == 200, "the token endpoint should answer 200", response);
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : issuer + location;
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void require(boolean condition, String what, HttpResponse<String> response) {
        if (!condition) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + location(response) + " "
                    + response.body());
        }
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return values;
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
