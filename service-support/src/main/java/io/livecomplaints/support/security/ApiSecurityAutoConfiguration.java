package io.livecomplaints.support.security;

import io.livecomplaints.schemas.auth.TokenClaims;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.support.web.ProblemRenderer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import java.util.ArrayList;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every REST API needs a bearer token (HS256 JWT, see {@link TokenClaims}); roles come from its {@code roles}
 * claim as {@code ROLE_*} authorities, for {@code @PreAuthorize} and for {@link Caller}. Health status and API docs
 * stay open; metrics only for the scraper's Basic credential ({@link ScraperAuthenticationFilter}) and operators.
 * A service replaces the whole chain by declaring its own {@link SecurityFilterChain}, usually
 * starting from {@link #apply(HttpSecurity, JwtDecoder, List)}.
 */
@AutoConfiguration(before = SecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class ApiSecurityAutoConfiguration {

    static final String[] METRICS_PATHS = {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**"};

    /** Tolerated difference between the issuer's clock and ours (Spring's default). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        if (properties.oidc().enabled()) {
            return oidcDecoder(properties.oidc(), properties.tokenMaxAge());
        }
        String secret = properties.jwtSecret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < TokenClaims.MIN_SECRET_BYTES) {
            throw new IllegalStateException("COMPLAINTS_SECURITY_JWT_SECRET (complaints.security.jwt-secret) must be set to a secret of at least "
                    + TokenClaims.MIN_SECRET_BYTES + " bytes; bin/local generates one in var/secrets/jwt-secret"
                    + " (or configure an OIDC provider: complaints.security.oidc.issuer-uri)");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(CLOCK_SKEW),
                new TokenLifetimeValidator(properties.tokenMaxAge(), CLOCK_SKEW, Clock.systemUTC()),
                new JwtIssuerValidator(TokenClaims.ISSUER), new MerchantClaimValidator()));
        return decoder;
    }

    /**
     * Tokens of an OIDC provider: signed with one of its keys (JWKS, fetched on first use, cached, fetched again when
     * a token names a key it does not know: key rotation), RS256/ES256 only, its issuer, and the same lifetime and
     * merchant rules as our own tokens; the configured claims are mapped first ({@link OidcClaimMapper}).
     */
    static JwtDecoder oidcDecoder(SecurityProperties.Oidc oidc, Duration tokenMaxAge) {
        NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = oidc.jwkSetUri() != null
                ? NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri())
                : NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri());
        builder.jwsAlgorithms(algorithms -> {
            algorithms.clear();
            oidc.algorithms().forEach(name -> algorithms.add(SignatureAlgorithm.from(name)));
        });
        NimbusJwtDecoder decoder = builder.build();
        // map the provider's claim names first, then Spring's usual conversions (iat, exp as instants...)
        OidcClaimMapper mapper = new OidcClaimMapper(oidc.claims());
        MappedJwtClaimSetConverter defaults = MappedJwtClaimSetConverter.withDefaults(Map.of());
        decoder.setClaimSetConverter(claims -> defaults.convert(mapper.convert(claims)));
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(new JwtTimestampValidator(CLOCK_SKEW),
                new TokenLifetimeValidator(tokenMaxAge, CLOCK_SKEW, Clock.systemUTC()), new MerchantClaimValidator()));
        if (oidc.issuerUri() != null) {
            validators.add(new JwtIssuerValidator(oidc.issuerUri()));
        }
        if (!oidc.audiences().isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(oidc.audiences()::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return new IdentityProviderJwtDecoder(decoder,
                oidc.jwkSetUri() != null ? oidc.jwkSetUri() : oidc.issuerUri() + " (discovery)");
    }

    /** Spring's strict firewall with loops instead of regexes for the header checks ({@link HeaderCharacters}). */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    HttpFirewall apiFirewall() {
        return HeaderCharacters.strictFirewall();
    }

    /**
     * No Spring Security observations (spring.security.filterchains, .authentications, .authorizations): with an
     * ObservationRegistry Spring wraps every security filter, the authentication and the authorization in one, each a
     * timer and a span on every request (~2 % of intake's CPU, issue 16). The request's own observation
     * (http.server.requests, its span) is Spring MVC's and stays.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, SecurityProperties properties) throws Exception {
        return apply(http, decoder, properties.publicPaths(), properties.pathRoles())
                .addFilterBefore(new ScraperAuthenticationFilter(properties.scraper()), BearerTokenAuthenticationFilter.class)
                .build();
    }

    /**
     * Our defaults: stateless bearer-token auth, public paths open, path patterns with required roles, everything
     * else authenticated, problem+json errors.
     */
    public static HttpSecurity apply(HttpSecurity http, JwtDecoder decoder, List<String> publicPaths,
                                     Map<String, List<String>> pathRoles) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    // metrics name merchants, anchors and SKUs with counts: the scraper and operators only, whatever
                    // the public paths say
                    a.requestMatchers(METRICS_PATHS).hasAnyRole(ScraperAuthenticationFilter.ROLE, "OPERATOR");
                    a.requestMatchers(publicPaths.toArray(String[]::new)).permitAll();
                    pathRoles.forEach((path, required) -> a.requestMatchers(path).hasAnyRole(required.toArray(String[]::new)));
                    a.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(new AuthorizationHeaderTokenResolver())
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response,
                                "A valid bearer token is required: " + e.getMessage()))
                        .accessDeniedHandler((request, response, e) -> forbidden(request, response)))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response,
                                "A valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) -> forbidden(request, response)));
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemRenderer.write(request, response, new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail));
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemRenderer.write(request, response, ApiProblem.forbidden("Forbidden", "Your role does not allow this"));
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
