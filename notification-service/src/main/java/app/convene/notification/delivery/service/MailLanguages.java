package app.convene.notification.delivery.service;

import java.util.Set;

/** The languages mail is written in (en, sv, nl, ro), and the choice of one. */
public final class MailLanguages {
    public static final Set<String> SUPPORTED = Set.of("en", "sv", "nl", "ro");
    /** How an erased address ends: nobody is written to at one. */
    public static final String ERASED = "@erased.invalid";

    private MailLanguages() {
    }

    /** {@code wanted} when supported, else {@code fallback} when supported, else English. */
    public static String choose(String wanted, String fallback) {
        if (wanted != null && SUPPORTED.contains(wanted)) {
            return wanted;
        }
        return fallback != null && SUPPORTED.contains(fallback) ? fallback : "en";
    }

    /** Whether mail may go to the address: present and not erased. */
    public static boolean writable(String address) {
        return address != null && !address.isBlank() && !address.endsWith(ERASED);
    }
}
