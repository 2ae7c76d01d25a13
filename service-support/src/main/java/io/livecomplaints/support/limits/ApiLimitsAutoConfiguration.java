package io.livecomplaints.support.limits;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** Registers {@link ApiLimitsFilter} right after Spring Security's filter chain (order -100), so the caller is known. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiLimitsProperties.class)
public class ApiLimitsAutoConfiguration {

    static final int AFTER_SECURITY = -99;

    @Bean
    FilterRegistrationBean<ApiLimitsFilter> apiLimitsFilter(ApiLimitsProperties properties) {
        FilterRegistrationBean<ApiLimitsFilter> registration = new FilterRegistrationBean<>(new ApiLimitsFilter(properties));
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }
}
