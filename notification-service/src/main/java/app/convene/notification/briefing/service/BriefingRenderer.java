package app.convene.notification.briefing.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.briefing.domain.ReaderFormat;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * Renders briefings with Qute, in the recipient's language, with dates and times in the event's time zone and
 * amounts formatted for the recipient's locale; and writes what a webhook receives for one.
 */
@ApplicationScoped
public class BriefingRenderer {
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
    PostEventRenderer postEvent;

    /** What the templates see: the facts, with every date and amount already formatted for the reader. */
    @TemplateData
    public record BriefingView(boolean preEvent, boolean reminder, boolean cancelled, String title, String startsAt,
            String endsAt, String timeZone, BriefingFacts.Attendance attendance, boolean showBudget,
            String budgetStatus,
            String approved, String forecast, String estimate, String actual, String variance,
            String costPerAttendee, List<String> thresholdAlerts, BriefingFacts.Venue venue,
            BriefingFacts.FeedbackSummary feedback, String staffAverage, String attendeeAverage,
            String acknowledgeUrl, List<FailedInspectionView> failedInspections, GoNoGoView gate,
            BriefingFacts.Agenda agenda) {
    }

    /** The go/no-go gate as briefings show it, its times formatted for the reader. */
    @TemplateData
    public record GoNoGoView(String decision, String decisionDueAt, List<GoNoGoCheckView> checks) {

        static GoNoGoView of(BriefingFacts.GoNoGo gate, ReaderFormat format) {
            return new GoNoGoView(gate.decision(),
                    gate.decisionDueAt() == null ? null : format.dateTime(gate.decisionDueAt()),
                    gate.checks().stream().map(c -> new GoNoGoCheckView(c.name(), c.status(), c.required(),
                            c.reason(), c.since() == null ? null : format.dateTime(c.since()))).toList());
        }
    }

    @TemplateData
    public record GoNoGoCheckView(String name, String status, boolean required, String reason, String since) {
    }

    /** A failed inspection as briefings and alerts list it. */
    @TemplateData
    public record FailedInspectionView(String checklist, String category, String inspector, String inspectedAt,
            List<FailedItemView> items) {

        public static FailedInspectionView of(BriefingFacts.FailedInspection inspection, ReaderFormat format) {
            return new FailedInspectionView(inspection.checklistName(), inspection.category(),
                    inspection.inspector() == null ? ReaderFormat.NONE : inspection.inspector(),
                    format.dateTime(inspection.inspectedAt()), inspection.items().stream()
                            .map(i -> new FailedItemView(i.description(), i.mandatory(), i.note(), i.actionOwner(),
                                    i.actionDueAt() == null ? null : format.dateTime(i.actionDueAt())))
                            .toList());
        }
    }

    @TemplateData
    public record FailedItemView(String description, boolean mandatory, String note, String actionOwner,
            String actionDueAt) {
    }

    public Rendered briefing(Briefing.Kind kind, BriefingFacts facts, String language, boolean reminder,
            String acknowledgeUrl) {
        ReaderFormat format = ReaderFormat.of(language, facts.timeZone());
        // Facts without a budget (what facility is sent) render without the budget section: no figure reaches them.
        boolean showBudget = facts.budget() != null;
        BriefingFacts.Budget b = showBudget ? facts.budget()
                : new BriefingFacts.Budget(null, null, null, null, null, null, null, null, List.of());
        BriefingView view = new BriefingView(kind == Briefing.Kind.PRE_EVENT, reminder,
                "CANCELLED".equals(facts.eventStatus()), facts.title() == null ? "" : facts.title(),
                format.dateTime(facts.startsAt()), format.dateTime(facts.endsAt()), format.zone().getId(),
                facts.attendance(), showBudget, b.status() == null ? ReaderFormat.NONE : b.status(),
                format.money(b.approvedTotal(), b.currency()), format.money(b.forecastTotal(), b.currency()),
                format.money(b.estimateTotal(), b.currency()), format.money(b.actualTotal(), b.currency()),
                format.money(b.variance(), b.currency()), format.money(b.costPerAttendee(), b.currency()),
                b.thresholdAlerts(), facts.venue(), facts.feedback(),
                format.decimal(facts.feedback().staffAverageRating()),
                format.decimal(facts.feedback().attendeeAverageRating()), acknowledgeUrl,
                facts.venue().failedInspections().stream().map(f -> FailedInspectionView.of(f, format)).toList(),
                GoNoGoView.of(facts.goNoGo(), format), facts.agenda());
        if (kind == Briefing.Kind.POST_EVENT) {
            return postEvent.render(view, facts, format);
        }
        PostEventRenderer.BriefingCharts charts = postEvent.charts(facts, format);
        return new Rendered(render(briefingSubject, view, format).strip(), render(briefingText, view, format),
                briefingHtml.instance().data("b", view).data("headcountChart", charts.headcount())
                        .data("budgetChart", charts.budget()).data("trafficLight", charts.light())
                        .setLocale(format.locale()).render());
    }

    /** What a webhook recipient receives for a briefing (or a reminder of it): the message and the facts sent. */
    public static Map<String, Object> webhookPayload(Briefing briefing, BriefingFacts facts, Rendered rendered,
            String acknowledgeUrl) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "briefing.sent");
        payload.put("eventId", briefing.eventId);
        payload.put("briefingId", briefing.id);
        payload.put("kind", briefing.kind.name());
        payload.put("subject", rendered.subject());
        payload.put("text", rendered.text());
        payload.put("acknowledgeUrl", acknowledgeUrl);
        payload.put("facts", facts);
        if (rendered.postEvent() != null) {
            payload.put("postEvent", rendered.postEvent());
        }
        return payload;
    }

    private static String render(Template template, BriefingView view, ReaderFormat format) {
        return template.instance().data("b", view).setLocale(format.locale()).render();
    }
}
