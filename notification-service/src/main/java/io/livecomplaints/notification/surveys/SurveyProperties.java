package io.livecomplaints.notification.surveys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code complaints.notification.surveys.*}: the highest score that counts as unhappy (may reopen), comment length. */
@ConfigurationProperties("complaints.notification.surveys")
public record SurveyProperties(int unhappyAtMost, int maxCommentLength) {
}
