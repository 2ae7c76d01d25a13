package io.livecomplaints.testkit.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OIDC provider for the identity tests: Spring Authorization Server, started on a random port in the test JVM,
 * with form login for its users, the authorization-code flow with PKCE for the public {@code workbench} client and
 * client credentials for confidential system clients. Access tokens carry the platform's identity the way Keycloak
 * does, under claim names that services must be configured for: roles in {@code realm_access.roles}, the agent's team
 * and tier in {@code agent_team}/{@code agent_tier}, a merchant in {@code merchant_id} (so a test proves the claim
 * mapping, not just the defaults). Its signing key can be rotated ({@link #rotateKey()}): the new key signs, both are
 * published in the JWKS, as a provider does during a rollover.
 */
public final class TestAuthorizationServer implements AutoCloseable {

    /** The claim names this server uses, as {@code complaints.security.oidc.claims.*} must name them. */
    public static final Map<String, String> CLAIMS = Map.of("roles", "realm_access.roles", "team", "agent_team",
            "tier", "agent_tier", "merchant-id", "merchant_id");

    /** A person who signs in with a password; roles and attributes go into their access tokens. */
    public record Person(String username, String password, List<String> roles, String team, String tier,
                         String merchantId) {
    }

    /** A confidential client that gets tokens for itself (client credentials) with these roles. */
    public record SystemClient(String clientId, String secret, List<String> roles) {
    }

    private final ConfigurableApplicationContext context;
    private final Keys keys;
    private final String issuer;

    private TestAuthorizationServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.keys = context.getBean(Keys.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.issuer = "http://localhost:" + port;
    }

    /**
     * Starts a server with these people, system clients and the public {@code workbench} client allowed to redirect
     * to {@code workbenchRedirectUris}.
     */
    public static TestAuthorizationServer start(List<Person> people, List<SystemClient> systems,
                                                List<String> workbenchRedirectUris) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ServerApplication.class)
                .web(WebApplicationType.SERVLET)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("people", new People(people));
                    ctx.getBeanFactory().registerSingleton("systems", new Systems(systems));
                    ctx.getBeanFactory().registerSingleton("redirects", new Redirects(workbenchRedirectUris));
                })
                // as arguments, and without the module's application.yml: a service's own settings (its fixed
                // server.port, its exclusions) must not leak into the provider
                .run("--server.port=0", "--spring.config.location=optional:classpath:/test-authorization-server.yml",
                        "--spring.main.banner-mode=off", "--spring.application.name=test-authorization-server",
                        "--management.endpoints.access.default=none",
                        "--spring.autoconfigure.exclude=" + String.join(",",
                                "io.livecomplaints.support.security.ApiSecurityAutoConfiguration",
                                "io.livecomplaints.support.limits.ApiLimitsAutoConfiguration",
                                "io.livecomplaints.support.kafka.KafkaSupportAutoConfiguration",
                                "io.livecomplaints.support.basis.DecisionBasisAutoConfiguration",
                                "io.livecomplaints.support.web.StrictJsonAutoConfiguration",
                                "io.livecomplaints.support.web.WebProblemsAutoConfiguration",
                                "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
                                "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"));
        return new TestAuthorizationServer(context);
    }

    /** The issuer, {@code http://localhost:<port>}: what {@code complaints.security.oidc.issuer-uri} names. */
    public String issuer() {
        return issuer;
    }

    /**
     * Configures the service under test to trust this server: its issuer, its claim names, and without the
     * authorization server's own auto-configurations (on the test classpath, they would turn the service into one).
     */
    public void registerWith(DynamicPropertyRegistry registry) {
        registry.add("complaints.security.oidc.issuer-uri", this::issuer);
        // such a context is a second instance of the service in the test JVM: its Streams state (global stores
        // included) must not share the other instance's directory (register after TestPlatform.register)
        registry.add("complaints.state-dir", () -> stateDir().toString());
        CLAIMS.forEach((claim, name) -> registry.add("complaints.security.oidc.claims." + claim, () -> name));
        registry.add("spring.autoconfigure.exclude", () -> String.join(",",
                "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
                "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"));
    }

    private java.nio.file.Path stateDir;

    private synchronized java.nio.file.Path stateDir() {
        if (stateDir == null) {
            try {
                stateDir = java.nio.file.Files.createTempDirectory("oidc-instance-state");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return stateDir;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** A new signing key signs from now on; the JWKS publishes it first, the previous keys after it. */
    public String rotateKey() {
        return keys.rotate();
    }

    /**
     * Signs these claims with the server's current key, as the server itself signs (for tokens the server would not
     * issue on request: already expired, another issuer); the issuer defaults to this server's.
     */
    public String sign(Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
        JwtClaimsSet.Builder set = JwtClaimsSet.builder().issuer(issuer).issuedAt(issuedAt).expiresAt(expiresAt);
        claims.forEach(set::claim);
        return keys.encoder().encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                set.build())).getTokenValue();
    }

    @Override
    public void close() {
        context.close();
    }

    /** The signing keys: the current one signs, all are published. */
    static final class Keys {
        private final List<RSAKey> published = new CopyOnWriteArrayList<>();

        Keys() {
            rotate();
        }

        String rotate() {
            RSAKey key = newKey();
            published.add(0, key);
            return key.getKeyID();
        }

        JWKSource<SecurityContext> publishedSource() {
            return (selector, securityContext) -> selector.select(new JWKSet(new ArrayList<JWK>(published)));
        }

        JwtEncoder encoder() {
            RSAKey current = published.get(0);
            return new NimbusJwtEncoder((selector, securityContext) -> selector.select(new JWKSet(current)));
        }

        static RSAKey newKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID(UUID.randomUUID().toString()).build();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record People(List<Person> all) {
        Person find(String username) {
            return all.stream().filter(p -> p.username().equals(username)).findFirst().orElse(null);
        }
    }

    record Systems(List<SystemClient> all) {
        SystemClient find(String clientId) {
            return all.stream().filter(s -> s.clientId().equals(clientId)).findFirst().orElse(null);
        }
    }

    record Redirects(List<String> uris) {
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ServerApplication {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .cors(Customizer.withDefaults())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        org.springframework.web.cors.CorsConfigurationSource corsConfigurationSource() {
            // the workbench page (another origin) calls the token endpoint from the browser
            org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
            cors.addAllowedOriginPattern("*");
            cors.addAllowedMethod("*");
            cors.addAllowedHeader("*");
            org.springframework.web.cors.UrlBasedCorsConfigurationSource source =
                    new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", cors);
            return source;
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        Keys keys() {
            return new Keys();
        }

        @Bean
        JWKSource<SecurityContext> jwkSource(Keys keys) {
            return keys.publishedSource();
        }

        /** For the server's own OIDC user-info endpoint. */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
            return org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withJwkSource(jwkSource).build();
        }

        /** Signs with the current key only (the JWKS has several during a rollover). */
        @Bean
        JwtEncoder jwtEncoder(Keys keys) {
            return parameters -> keys.encoder().encode(parameters);
        }

        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        @Bean
        UserDetailsService users(People people, PasswordEncoder encoder) {
            return username -> {
                Person person = people.find(username);
                if (person == null) {
                    throw new UsernameNotFoundException(username);
                }
                UserDetails user = User.withUsername(person.username()).password(encoder.encode(person.password()))
                        .roles("PERSON").build();
                return user;
            };
        }

        @Bean
        RegisteredClientRepository clients(Systems systems, Redirects redirects, PasswordEncoder encoder) {
            List<RegisteredClient> clients = new ArrayList<>();
            RegisteredClient.Builder workbench = RegisteredClient.withId("workbench").clientId("workbench")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30)).build());
            redirects.uris().forEach(workbench::redirectUri);
            clients.add(workbench.build());
            for (SystemClient system : systems.all()) {
                clients.add(RegisteredClient.withId(system.clientId()).clientId(system.clientId())
                        .clientSecret(encoder.encode(system.secret()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .build());
            }
            return new InMemoryRegisteredClientRepository(clients);
        }

        /** Puts the person's (or the system client's) roles, team, tier and merchant into the access token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> identityClaims(People people, Systems systems) {
            return context -> {
                if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    return;
                }
                if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                    SystemClient system = systems.find(context.getRegisteredClient().getClientId());
                    if (system != null && !system.roles().isEmpty()) {
                        context.getClaims().claim("realm_access", Map.of("roles", system.roles()));
                    }
                    return;
                }
                Person person = people.find(context.getPrincipal().getName());
                if (person == null) {
                    return;
                }
                if (!person.roles().isEmpty()) {
                    context.getClaims().claim("realm_access", Map.of("roles", person.roles()));
                }
                Map<String, Object> extra = new HashMap<>();
                if (person.team() != null) {
                    extra.put("agent_team", person.team());
                }
                if (person.tier() != null) {
                    extra.put("agent_tier", person.tier());
                }
                if (person.merchantId() != null) {
                    extra.put("merchant_id", person.merchantId());
                }
                extra.forEach(context.getClaims()::claim);
            };
        }
    }
}
