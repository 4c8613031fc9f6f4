package app.convene.notification.briefing.service;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.notification.briefing.domain.Briefing;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import app.convene.notification.briefing.domain.BriefingFacts;

/**
 * Renders briefings and alerts with Qute, in the recipient's language, with dates and times in the event's time
 * zone and amounts formatted for the recipient's locale.
 */
@ApplicationScoped
public class BriefingRenderer {
    public static final Set<String> LANGUAGES = Set.of("en", "sv", "nl", "ro");
    private static final String NONE = "—";

    @Inject
    @Location("briefing.html")
    Template briefingHtml;
    @Inject
    @Location("briefing.txt")
    Template briefingText;
    @Inject
    @Location("briefing-subject.txt")
    Template briefingSubject;
    @Inject
    @Location("alert.txt")
    Template alertText;
    @Inject
    @Location("alert-subject.txt")
    Template alertSubject;

    public record Rendered(String subject, String text, String html) {
    }

    /** What the templates see: the facts, with every date and amount already formatted for the reader. */
    @TemplateData
    public record BriefingView(boolean preEvent, boolean reminder, boolean cancelled, String title, String startsAt,
            String endsAt, String timeZone, BriefingFacts.Attendance attendance, boolean showBudget,
            String budgetStatus,
            String approved, String forecast, String estimate, String actual, String variance,
            String costPerAttendee, List<String> thresholdAlerts, BriefingFacts.Venue venue,
            BriefingFacts.FeedbackSummary feedback, String staffAverage, String attendeeAverage,
            String acknowledgeUrl, List<FailedInspectionView> failedInspections) {
    }

    /** {@code inspection} only for an INSPECTION_FAILED alert; the templates then list its items. */
    @TemplateData
    public record AlertView(String kind, String title, String startsAt, String detail,
            FailedInspectionView inspection) {
    }

    @TemplateData
    public record FailedInspectionView(String checklist, String category, String inspector, String inspectedAt,
            List<FailedItemView> items) {
    }

    @TemplateData
    public record FailedItemView(String description, boolean mandatory, String note, String actionOwner,
            String actionDueAt) {
    }

    public Rendered briefing(Briefing.Kind kind, BriefingFacts facts, String language, boolean reminder,
            String acknowledgeUrl) {
        Locale locale = locale(language);
        ZoneId zone = zone(facts.timeZone());
        // Facts without a budget (what facility is sent) render without the budget section: no figure reaches them.
        boolean showBudget = facts.budget() != null;
        BriefingFacts.Budget b = showBudget ? facts.budget()
                : new BriefingFacts.Budget(null, null, null, null, null, null, null, null, List.of());
        BriefingView view = new BriefingView(kind == Briefing.Kind.PRE_EVENT, reminder,
                "CANCELLED".equals(facts.eventStatus()), facts.title() == null ? "" : facts.title(),
                dateTime(facts.startsAt(), zone, locale), dateTime(facts.endsAt(), zone, locale), zone.getId(),
                facts.attendance(), showBudget, b.status() == null ? NONE : b.status(), money(b.approvedTotal(), b.currency(), locale),
                money(b.forecastTotal(), b.currency(), locale), money(b.estimateTotal(), b.currency(), locale),
                money(b.actualTotal(), b.currency(), locale), money(b.variance(), b.currency(), locale),
                money(b.costPerAttendee(), b.currency(), locale), b.thresholdAlerts(), facts.venue(),
                facts.feedback(), decimal(facts.feedback().staffAverageRating(), locale),
                decimal(facts.feedback().attendeeAverageRating(), locale), acknowledgeUrl,
                facts.venue().failedInspections().stream().map(f -> view(f, zone, locale)).toList());
        return new Rendered(render(briefingSubject, view, locale).strip(), render(briefingText, view, locale),
                render(briefingHtml, view, locale));
    }

    public Rendered alert(String kind, String title, Instant startsAt, String timeZone, String detail,
            BriefingFacts.FailedInspection inspection, String language) {
        Locale locale = locale(language);
        ZoneId zone = zone(timeZone);
        AlertView view = new AlertView(kind, title == null ? "" : title, dateTime(startsAt, zone, locale), detail,
                inspection == null ? null : view(inspection, zone, locale));
        String text = alertText.instance().data("a", view).setLocale(locale).render();
        return new Rendered(alertSubject.instance().data("a", view).setLocale(locale).render().strip(), text, null);
    }

    private static FailedInspectionView view(BriefingFacts.FailedInspection inspection, ZoneId zone, Locale locale) {
        return new FailedInspectionView(inspection.checklistName(), inspection.category(),
                inspection.inspector() == null ? NONE : inspection.inspector(),
                dateTime(inspection.inspectedAt(), zone, locale), inspection.items().stream()
                        .map(i -> new FailedItemView(i.description(), i.mandatory(), i.note(), i.actionOwner(),
                                i.actionDueAt() == null ? null : dateTime(i.actionDueAt(), zone, locale)))
                        .toList());
    }

    /** Money as the reader's locale writes it, e.g. "€12,500.00" in English and "12 500,00 €" in Swedish. */
    public static String money(BigDecimal amount, String currency, Locale locale) {
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

    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return NONE;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone));
    }

    private static String decimal(BigDecimal value, Locale locale) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    public static Locale locale(String language) {
        return Locale.forLanguageTag(language == null || !LANGUAGES.contains(language) ? "en" : language);
    }

    /** The event's zone; an unknown or missing one is shown in UTC rather than failing the briefing. */
    public static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String render(Template template, BriefingView view, Locale locale) {
        return template.instance().data("b", view).setLocale(locale).render();
    }
}
