package io.livecomplaints.notification.templates;

import io.livecomplaints.notification.templates.model.Languages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The languages of the 话术库 (the catalog itself is loaded with the messages it must serve: MessageConfiguration). */
@Configuration(proxyBeanMethods = false)
public class TemplateConfiguration {

    @Bean
    Languages languages(TemplateProperties properties) {
        return new Languages(properties.languages(), properties.defaultLanguage());
    }
}
