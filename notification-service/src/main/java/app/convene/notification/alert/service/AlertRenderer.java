package app.convene.notification.alert.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.notification.alert.domain.Alert;
import app.convene.notification.briefing.domain.ReaderFormat;
import app.convene.notification.briefing.service.BriefingRenderer.FailedInspectionView;
import app.convene.notification.briefing.service.Rendered;
import app.convene.notification.digest.domain.EventDigest;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/** Renders alerts with Qute (text only), in the recipient's language, with times in the event's time zone. */
@ApplicationScoped
public class AlertRenderer {
    @Inject
    @Location("alert.txt")
    Template alertText;
    @Inject
    @Location("alert-subject.txt")
    Template alertSubject;

    /** {@code inspection} only for an INSPECTION_FAILED alert; the templates then list its items. */
    @TemplateData
    public record AlertView(String kind, String title, String startsAt, String detail,
            FailedInspectionView inspection) {
    }

    public Rendered alert(Alert alert, EventDigest digest, String language) {
        ReaderFormat format = ReaderFormat.of(language, digest.timeZone);
        AlertView view = new AlertView(alert.kind().name(), digest.title == null ? "" : digest.title,
                format.dateTime(digest.startsAt), alert.detail(format, digest.title),
                alert.inspection() == null ? null : FailedInspectionView.of(alert.inspection(), format));
        String text = alertText.instance().data("a", view).setLocale(format.locale()).render();
        return new Rendered(alertSubject.instance().data("a", view).setLocale(format.locale()).render().strip(), text,
                null);
    }
}
