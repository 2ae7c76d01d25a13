package io.livecomplaints.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.security.*}: the HS256 secret that bearer tokens are signed with (only from the environment:
 * {@code COMPLAINTS_SECURITY_JWT_SECRET}), and the paths open without a token (health, metrics, API docs).
 */
@ConfigurationProperties("complaints.security")
public record SecurityProperties(String jwtSecret, List<String> publicPaths) {
}
