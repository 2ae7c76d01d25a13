package io.livecomplaints.notification.templates;

import io.livecomplaints.notification.templates.model.Languages;
import io.livecomplaints.notification.templates.model.TemplateCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The 话术库, loaded and checked at startup: a bad template file stops the service with a clear message. */
@Configuration(proxyBeanMethods = false)
public class TemplateConfiguration {

    @Bean
    Languages languages(TemplateProperties properties) {
        return new Languages(properties.languages(), properties.defaultLanguage());
    }

    @Bean
    TemplateCatalog templateCatalog(TemplateProperties properties, ResourceLoader resources) {
        return TemplateFiles.load(properties, resources);
    }
}
