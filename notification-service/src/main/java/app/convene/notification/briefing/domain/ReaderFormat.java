package app.convene.notification.briefing.domain;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * How one reader is shown dates, amounts and ratings: in their language, with times in the event's time zone.
 * Briefings and alerts are written with it.
 */
public record ReaderFormat(Locale locale, ZoneId zone) {
    public static final Set<String> LANGUAGES = Set.of("en", "sv", "nl", "ro");
    /** What stands where a figure is not known. */
    public static final String NONE = "—";

    /** For a reader of {@code language} (English when absent or unknown) and an event in {@code timeZone}. */
    public static ReaderFormat of(String language, String timeZone) {
        return new ReaderFormat(locale(language), zone(timeZone));
    }

    public static Locale locale(String language) {
        return Locale.forLanguageTag(language == null || !LANGUAGES.contains(language) ? "en" : language);
    }

    /** The event's zone; an unknown or missing one is shown in UTC rather than failing the briefing. */
    public static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** Money as the reader's locale writes it, e.g. "€12,500.00" in English and "12 500,00 €" in Swedish. */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        if (currency != null) {
            try {
                Currency c = Currency.getInstance(currency);
                format.setCurrency(c);
                format.setMinimumFractionDigits(c.getDefaultFractionDigits());
                format.setMaximumFractionDigits(c.getDefaultFractionDigits());
            } catch (IllegalArgumentException unknownCurrency) {
                return amount.toPlainString() + " " + currency;
            }
        }
        return format.format(amount);
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone));
    }

    /** A rating average with one decimal, e.g. "4.5" or "4,5". */
    public String decimal(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
