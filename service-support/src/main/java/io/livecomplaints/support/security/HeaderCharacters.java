package io.livecomplaints.support.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * {@link StrictHttpFirewall}'s default rules for header names, header values and parameter names, as loops over the
 * code points instead of its {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} regexes, which it runs on every
 * {@code getHeader} (~4 % of intake's CPU, issue 16). Same rules: every code point assigned and not a control
 * character; a header value may also hold tabs. A lone surrogate counts as itself (assigned, not a control), as in
 * the regex.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Spring's defaults, with our predicates for the three regex-based checks; every other check unchanged. */
    static StrictHttpFirewall strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::assignedAndNotControl);
        firewall.setAllowedHeaderValues(HeaderCharacters::assignedAndNotControlOrTab);
        firewall.setAllowedParameterNames(HeaderCharacters::assignedAndNotControl);
        return firewall;
    }

    static boolean assignedAndNotControl(String text) {
        return allowed(text, false);
    }

    static boolean assignedAndNotControlOrTab(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            // printable ASCII, almost every header character: no table lookup
            if (codePoint < 0x20 || codePoint >= 0x7f) {
                int type = Character.getType(codePoint);
                if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && codePoint == '\t')) {
                    return false;
                }
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
