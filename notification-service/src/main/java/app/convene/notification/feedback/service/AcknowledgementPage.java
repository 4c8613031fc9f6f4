package app.convene.notification.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.notification.briefing.domain.ReaderFormat;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The page a personal acknowledgement link opens: a heading and one button that acknowledges, in the reader's
 * language (the link in a post-event briefing names it); without a language, the button speaks all four.
 */
@ApplicationScoped
public class AcknowledgementPage {
    @Inject
    @Location("acknowledgement-page.html")
    Template page;

    public String render(String token, String language) {
        // Only characters a token can hold reach the page (it does not look the token up: a GET changes nothing).
        String safe = token.replaceAll("[^A-Za-z0-9_-]", "");
        String lang = language == null || !ReaderFormat.LANGUAGES.contains(language) ? null : language;
        return page.instance().data("token", safe).data("lang", lang)
                .setLocale(ReaderFormat.locale(lang)).render();
    }
}
