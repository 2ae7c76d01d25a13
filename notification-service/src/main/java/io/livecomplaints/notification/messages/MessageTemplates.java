package io.livecomplaints.notification.messages;

import io.livecomplaints.notification.messages.model.Message;
import io.livecomplaints.notification.templates.TemplateFiles;
import io.livecomplaints.notification.templates.TemplateProperties;
import io.livecomplaints.notification.templates.model.TemplateCatalog;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The 话术库, loaded at startup and checked against every message's placeholders: a bad template file stops the
 * service with a clear message.
 */
@Configuration(proxyBeanMethods = false)
public class MessageTemplates {

    @Bean
    TemplateCatalog templateCatalog(TemplateProperties properties, ResourceLoader resources) {
        return load(properties, resources);
    }

    public static TemplateCatalog load(TemplateProperties properties, ResourceLoader resources) {
        return TemplateFiles.load(properties, resources, Message.placeholdersByKey(), Set.of(Message.TEAM_TERM_PREFIX));
    }
}
