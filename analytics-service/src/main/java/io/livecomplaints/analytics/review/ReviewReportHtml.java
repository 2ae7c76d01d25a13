package io.livecomplaints.analytics.review;

import io.livecomplaints.analytics.mix.model.ComplaintRate;
import io.livecomplaints.analytics.review.model.BreachRateRises;
import io.livecomplaints.analytics.review.model.ReviewReport;
import io.livecomplaints.analytics.review.model.TechnicalHotspots;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/** The review report as a self-contained, printable HTML page (no scripts, no external resources). */
final class ReviewReportHtml {

    private ReviewReportHtml() {
    }

    static String render(ReviewReport report) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>复盘报告 Review report</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}")
                .append("th,td{border:1px solid #ccc;padding:.3em .8em;text-align:left}th{background:#f0f0f0}")
                .append("td.n{text-align:right}.none{color:#888}</style></head><body>");
        html.append("<h1>复盘报告 Review report</h1><p>").append(esc(report.from().toString())).append(" — ")
                .append(esc(report.to().toString())).append("</p>");
        html.append("<p>Complaints 投诉量: <b>").append(report.complaints()).append("</b> (previous period 上期: ")
                .append(report.previousComplaints()).append(")</p>");
        html.append("<h2>Findings 发现的问题</h2><ul>");
        report.findings().forEach(f -> html.append("<li>").append(esc(f)).append("</li>"));
        html.append("</ul>");
        rates(html, "Merchants 商家", report.merchants());
        rates(html, "Anchors 主播", report.anchors());
        rates(html, "Products 商品", report.products());
        html.append("<h2>Technical complaints by time slot 技术投诉时段</h2>");
        if (report.technicalTimeSlots().isEmpty()) {
            html.append("<p class=\"none\">none</p>");
        } else {
            html.append("<table><tr><th>slot</th><th>complaints</th></tr>");
            for (TechnicalHotspots.TimeSlot slot : report.technicalTimeSlots()) {
                html.append("<tr><td>").append(esc(slot.slot())).append("</td><td class=\"n\">").append(slot.complaints()).append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>Technical complaints by CDN region 技术投诉地区</h2>");
        if (report.technicalRegions().isEmpty()) {
            html.append("<p class=\"none\">none</p>");
        } else {
            html.append("<table><tr><th>region</th><th>complaints</th></tr>");
            for (TechnicalHotspots.Region region : report.technicalRegions()) {
                html.append("<tr><td>").append(esc(region.region())).append("</td><td class=\"n\">").append(region.complaints()).append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>SLA breach rate rising 超时率上升的类型</h2>");
        if (report.breachRateRises().isEmpty()) {
            html.append("<p class=\"none\">none</p>");
        } else {
            html.append("<table><tr><th>type</th><th>complaints</th><th>previous</th><th>now</th></tr>");
            for (BreachRateRises.Rise rise : report.breachRateRises()) {
                html.append("<tr><td>").append(esc(rise.type())).append("</td><td class=\"n\">").append(rise.complaints())
                        .append("</td><td class=\"n\">").append(percent(rise.previousRate())).append("</td><td class=\"n\">")
                        .append(percent(rise.currentRate())).append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.append("</body></html>").toString();
    }

    private static void rates(StringBuilder html, String title, List<ComplaintRate> rates) {
        html.append("<h2>").append(esc(title)).append("</h2>");
        if (rates.isEmpty()) {
            html.append("<p class=\"none\">none above the threshold</p>");
            return;
        }
        html.append("<table><tr><th>id</th><th>complaints</th><th>orders</th><th>rate</th></tr>");
        for (ComplaintRate rate : rates) {
            html.append("<tr><td>").append(esc(rate.id())).append("</td><td class=\"n\">").append(rate.complaints())
                    .append("</td><td class=\"n\">").append(rate.orders()).append("</td><td class=\"n\">")
                    .append(rate.rate() == null ? "–" : percent(rate.rate())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
