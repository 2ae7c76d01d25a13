package io.livecomplaints.intake.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** OpenAPI at {@code /v3/api-docs} (springdoc): the API and its bearer-token scheme. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "intake-service (受理)", version = "v1",
        description = "Files complaints from every channel, acknowledges them with the promised first-response deadline, "
                + "and shows their owner the progress."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT (HS256)")
class OpenApiConfiguration {
}
