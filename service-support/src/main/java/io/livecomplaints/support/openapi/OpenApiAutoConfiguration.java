package io.livecomplaints.support.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every service's OpenAPI document ({@code /v3/api-docs}, springdoc, open per {@code complaints.security.public-paths}):
 * the controllers as springdoc reads them, completed by {@link ApiContract} with what every API of the platform
 * shares: the bearer-token and scraper security schemes and the problem+json error answers, with examples.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class OpenApiAutoConfiguration {

    static {
        // the caller comes from the bearer token (CallerArgumentResolver), never from a request parameter
        org.springdoc.core.utils.SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(io.livecomplaints.support.security.Caller.class);
    }

    @Bean
    OpenApiCustomizer platformApiContract(Environment environment) {
        return new ApiContract(environment.getProperty("spring.application.name", "service"),
                environment.getProperty("complaints.api.description"));
    }
}
