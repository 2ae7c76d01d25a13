package io.livecomplaints.support.streams.query;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service with Kafka Streams and an API: its {@link InstanceAddress} published as {@code application.server},
 * {@link StoreOwners} for its controllers, and the {@link ForwardToOwner} routing.
 * {@code complaints.instance.advertised-host}: the name other instances reach this one by;
 * {@code complaints.instance.forward-patience}: how long a request waits for an owner before 503 with Retry-After.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.kafka.streams.KafkaStreams")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StoreQueryAutoConfiguration {

    @Bean
    InstanceAddress storeInstanceAddress(ApplicationContext context, @Value("${complaints.instance.advertised-host:127.0.0.1}") String host) {
        return new InstanceAddress(context, host);
    }

    @Bean
    ApplicationServerPublisher applicationServerPublisher(ObjectProvider<StreamsBuilderFactoryBean> factories, InstanceAddress self) {
        return new ApplicationServerPublisher(factories, self);
    }

    @Bean
    StoreOwners storeOwners(ObjectProvider<StreamsBuilderFactoryBean> factory, InstanceAddress self, JsonMapper json,
                            @Value("${complaints.instance.forward-patience:3s}") Duration patience) {
        return new StoreOwners(factory, self, json, patience);
    }

    @Bean
    WebMvcConfigurer ownerForwarding(StoreOwners owners) {
        OwnerForwardingInterceptor interceptor = new OwnerForwardingInterceptor(owners);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }
}
