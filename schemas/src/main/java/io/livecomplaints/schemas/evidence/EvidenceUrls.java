package io.livecomplaints.schemas.evidence;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for evidence links (证据), wherever they enter: a user's complaint (intake) or an agent's evidence on a
 * case (resolution). Evidence is a reference to where a file or a replay is kept, opened later by agents in a browser,
 * so it must be an {@code http(s)} URL to a public host: no {@code javascript:}, {@code data:}, {@code file:} or other
 * schemes, no user name or password in it, no loopback, private, link-local (e.g. the cloud metadata address
 * {@code 169.254.169.254}), multicast or unspecified address, no {@code localhost}, and no host written in a form
 * browsers read as a numeric address ({@code 2852039166}, {@code 0xA9FEA9FE}, {@code 127.1}): a host is a dotted name
 * whose last label starts with a letter, or an IP literal of a public address. Nothing is looked up (no DNS).
 */
public final class EvidenceUrls {

    /** Longest URL, the default of intake and resolution. */
    public static final int DEFAULT_MAX_CHARS = 2048;

    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern TOP_LABEL = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private EvidenceUrls() {
    }

    /** What is wrong with {@code url} as an evidence link of at most {@link #DEFAULT_MAX_CHARS}; empty if nothing. */
    public static Optional<String> problem(String url) {
        return problem(url, DEFAULT_MAX_CHARS);
    }

    /** What is wrong with {@code url} as an evidence link of at most {@code maxChars}; empty if nothing. */
    public static Optional<String> problem(String url, int maxChars) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required: where the evidence is kept");
        }
        String u = url.strip();
        if (u.codePointCount(0, u.length()) > maxChars) {
            return Optional.of("must be at most " + maxChars + " characters");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            return Optional.of("must be an http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http(s) URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("must be an http(s) URL with a host name");
        }
        return hostProblem(host.toLowerCase(Locale.ROOT));
    }

    private static Optional<String> hostProblem(String host) {
        String local = "must point to a public host, not a local, private or link-local address";
        if (host.startsWith("[")) {
            return literal(host).map(EvidenceUrls::isPublic).orElse(false) ? Optional.empty() : Optional.of(local);
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (DOTTED_QUAD.matcher(name).matches()) {
            return literal(name).map(EvidenceUrls::isPublic).orElse(false) ? Optional.empty() : Optional.of(local);
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2 || !TOP_LABEL.matcher(labels[labels.length - 1]).matches()) {
            return Optional.of("must name a public host (a domain name or a public IP address)");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("must name a public host (a domain name or a public IP address)");
            }
        }
        if (labels[labels.length - 1].equals("localhost")) {
            return Optional.of(local);
        }
        return Optional.empty();
    }

    /** An IP literal (bracketed IPv6 or a dotted quad whose parts are at most 255), parsed without any lookup. */
    private static Optional<InetAddress> literal(String host) {
        if (!host.startsWith("[")) {
            var m = DOTTED_QUAD.matcher(host);
            if (!m.matches()) {
                return Optional.empty();
            }
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(m.group(i)) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!host.endsWith("]") || host.indexOf('%') >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host)); // a literal: parsed, never resolved
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && first < 240; // 0/8, CGNAT, reserved
        }
        return (b[0] & 0xfe) != 0xfc; // IPv6 unique local fc00::/7
    }
}
