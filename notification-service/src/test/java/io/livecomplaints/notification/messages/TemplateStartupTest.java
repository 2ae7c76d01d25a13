package io.livecomplaints.notification.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.notification.templates.TemplateConfiguration;
import io.livecomplaints.notification.templates.TemplateProperties;
import io.livecomplaints.notification.templates.model.InvalidTemplatesException;
import io.livecomplaints.notification.templates.model.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The 话术库 files are checked when the service starts: the shipped ones pass, a bad one stops startup and says why. */
class TemplateStartupTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TemplateProperties.class)
    static class Templates {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Templates.class, TemplateConfiguration.class, MessageTemplates.class)
            .withPropertyValues("complaints.notification.templates.languages=zh-CN,en",
                    "complaints.notification.templates.default-language=zh-CN",
                    "complaints.notification.templates.zone=Asia/Shanghai");

    @Test
    void theShippedTemplatesAreComplete() {
        runner.withPropertyValues("complaints.notification.templates.location=classpath:templates/")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(TemplateCatalog.class));
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderStopsStartupNamingTemplateAndPlaceholder() {
        runner.withPropertyValues("complaints.notification.templates.location=classpath:broken-templates/")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(InvalidTemplatesException.class)
                            .hasMessageContaining("template 'acknowledgment' (en, classpath:broken-templates/en.yml) uses unknown placeholder {deadline}; allowed: {complaintId}, {dueAt}");
                });
    }

    @Test
    void aMissingLanguageFileStopsStartup() {
        runner.withPropertyValues("complaints.notification.templates.location=classpath:broken-templates/",
                        "complaints.notification.templates.languages=zh-CN,en,ja")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("no templates for language ja (expected classpath:broken-templates/ja.yml)"));
    }
}
