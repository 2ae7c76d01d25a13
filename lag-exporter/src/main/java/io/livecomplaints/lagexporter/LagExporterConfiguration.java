package io.livecomplaints.lagexporter;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LagExporterConfiguration {

    @Bean(destroyMethod = "close")
    Admin lagExporterAdmin(LagExporterProperties properties) {
        return Admin.create(properties.adminConfig());
    }

    @Bean
    LagGauges lagGauges(Admin lagExporterAdmin, MeterRegistry registry) {
        return new LagGauges(new ConsumerLagReader(lagExporterAdmin), registry);
    }

    @Bean
    ReadinessProbes readinessProbes(LagExporterProperties properties, MeterRegistry registry) {
        return new ReadinessProbes(properties.readinessTargets(), registry);
    }
}
