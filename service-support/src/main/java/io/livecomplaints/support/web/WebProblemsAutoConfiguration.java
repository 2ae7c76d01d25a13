package io.livecomplaints.support.web;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * problem+json everywhere, in one style ({@link ApiProblem} rendered by {@link ProblemRenderer}, Spring's
 * {@code ProblemDetail}): every API error Spring MVC sees ({@link ApiProblemAdvice}), the error page ({@link ProblemErrorController}), the security firewall's rejections
 * (encoded slashes, {@code %00}, {@code ..}) and Tomcat's own error reports ({@link ProblemErrorReportValve}).
 */
@AutoConfiguration(before = {ErrorMvcAutoConfiguration.class, WebMvcAutoConfiguration.class}) // ours is the one ResponseEntityExceptionHandler
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebProblemsAutoConfiguration {

    @Bean
    ApiProblemAdvice apiProblemAdvice() {
        return new ApiProblemAdvice();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, e) -> ProblemRenderer.write(request, response, ApiProblem.of(HttpStatus.BAD_REQUEST,
                "Bad Request", "The request was rejected: its URL or headers are not allowed"));
    }

    /** Runs after Boot's own Tomcat customizer, which adds a plain ErrorReportValve: ours replaces it. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
        return new TomcatErrorReports();
    }

    static final class TomcatErrorReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                var host = context.getParent();
                if (host == null) {
                    return;
                }
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
                if (host instanceof org.apache.catalina.core.StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
