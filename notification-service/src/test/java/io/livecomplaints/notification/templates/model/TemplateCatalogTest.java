package io.livecomplaints.notification.templates.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateCatalogTest {

    private static final TemplateSpec SPEC = new TemplateSpec(
            Map.of("ack", Set.of("complaintId", "dueAt"), "result", Set.of("refund", "basis"), "basis", Set.of("reason")),
            Set.of("FUNDS_SAFETY"), Set.of("team."));
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static TemplateCatalog catalog(Map<String, String> zh, Map<String, String> en) {
        return TemplateCatalog.validated(Map.of("zh-CN", zh, "en", en), Map.of("zh-CN", "zh-CN.yml", "en", "en.yml"),
                List.of("zh-CN", "en"), SPEC, SHANGHAI);
    }

    private static final Map<String, String> ZH = Map.of(
            "ack", "已收到 {complaintId}，{dueAt} 前答复。",
            "ack.FUNDS_SAFETY", "资金安全 {complaintId} 优先处理，{dueAt} 前答复。",
            "result", "退款 {refund}。依据：{basis}",
            "basis", "{reason}",
            "team.logistics", "物流团队");
    private static final Map<String, String> EN = Map.of(
            "ack", "Received {complaintId}; answer by {dueAt}.",
            "result", "Refund {refund}. Basis: {basis}",
            "basis", "{reason}");

    @Test
    void rendersTimesInTheZoneAndAmountsInTheLanguagesWay() {
        TemplateCatalog catalog = catalog(ZH, EN);
        Instant due = Instant.parse("2026-11-23T02:30:00Z");

        assertThat(catalog.render("zh-CN", "ack", null, Map.of("complaintId", "C-1", "dueAt", due)))
                .isEqualTo(new TemplateCatalog.Rendered("ack@zh-CN", "已收到 C-1，2026-11-23 10:30 前答复。"));
        assertThat(catalog.render("en", "result", null, Map.of("refund", new Money(12_905),
                "basis", new Fragment("basis", Map.of("reason", "parcel lost")))).text())
                .isEqualTo("Refund CNY 129.05. Basis: parcel lost");
        assertThat(catalog.render("zh-CN", "result", null, Map.of("refund", new Money(50),
                "basis", new Fragment("basis", Map.of("reason", "丢件")))).text())
                .isEqualTo("退款 ¥0.50。依据：丢件");
    }

    @Test
    void usesTheComplaintTypesVariantWhenThereIsOne() {
        TemplateCatalog catalog = catalog(ZH, EN);
        Map<String, Object> values = Map.of("complaintId", "C-2", "dueAt", Instant.parse("2026-11-23T02:30:00Z"));

        assertThat(catalog.render("zh-CN", "ack", "FUNDS_SAFETY", values).templateId()).isEqualTo("ack.FUNDS_SAFETY@zh-CN");
        assertThat(catalog.render("en", "ack", "FUNDS_SAFETY", values).templateId()).isEqualTo("ack@en");
        assertThat(catalog.render("zh-CN", "ack", "LOGISTICS", values).templateId()).isEqualTo("ack@zh-CN");
    }

    @Test
    void termsAreTranslatedWhenTheTemplatesKnowThem() {
        TemplateSpec spec = new TemplateSpec(Map.of("assigned", Set.of("team")), Set.of(), Set.of("team."));
        TemplateCatalog catalog = TemplateCatalog.validated(Map.of("zh-CN", Map.of("assigned", "已转交{team}", "team.logistics", "物流团队")),
                Map.of(), List.of("zh-CN"), spec, SHANGHAI);

        assertThat(catalog.render("zh-CN", "assigned", null, Map.of("team", new Term("team.logistics", "logistics"))).text())
                .isEqualTo("已转交物流团队");
        assertThat(catalog.render("zh-CN", "assigned", null, Map.of("team", new Term("team.vip", "vip"))).text())
                .isEqualTo("已转交vip");
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingTemplateLanguageAndPlaceholder() {
        Map<String, String> en = new java.util.HashMap<>(EN);
        en.put("ack", "Received {complaintId}; answer by {deadline}.");

        assertThatThrownBy(() -> catalog(ZH, en))
                .isInstanceOf(InvalidTemplatesException.class)
                .hasMessageContaining("template 'ack' (en, en.yml) uses unknown placeholder {deadline}; allowed: {complaintId}, {dueAt}");
    }

    @Test
    void missingTemplatesUnknownKeysAndBrokenBracesAreAllReportedAtOnce() {
        Map<String, String> en = Map.of("ack", "Received {complaintId", "result", "Refund {refund}. Basis: {basis}", "greeting", "Hi");

        assertThatThrownBy(() -> catalog(ZH, en))
                .isInstanceOfSatisfying(InvalidTemplatesException.class, e -> assertThat(e.problems()).hasSize(3)
                        .anySatisfy(p -> assertThat(p).contains("'basis' is missing for language en"))
                        .anySatisfy(p -> assertThat(p).contains("'greeting'").contains("not a known template key"))
                        .anySatisfy(p -> assertThat(p).contains("'ack'").contains("unbalanced braces")));
    }

    @Test
    void aLanguageWithoutAFileIsReported() {
        assertThatThrownBy(() -> TemplateCatalog.validated(Map.of("zh-CN", ZH), Map.of("en", "classpath:templates/en.yml"),
                List.of("zh-CN", "en"), SPEC, SHANGHAI))
                .hasMessageContaining("no templates for language en (expected classpath:templates/en.yml)");
    }

    @Test
    void languagesFallBackToTheDefault() {
        Languages languages = new Languages(List.of("zh-CN", "en"), "zh-CN");
        assertThat(languages.resolve("en-US")).isEqualTo("en");
        assertThat(languages.resolve("EN")).isEqualTo("en");
        assertThat(languages.resolve("zh-Hans")).isEqualTo("zh-CN");
        assertThat(languages.resolve("fr")).isEqualTo("zh-CN");
        assertThat(languages.resolve(null)).isEqualTo("zh-CN");
    }
}
