package app.convene.notification.briefing.service;

import app.convene.notification.briefing.domain.PostEventFacts;

/**
 * A message written for one reader: its subject, its text, and its HTML (null for alerts, which are text only);
 * {@code postEvent} holds what a post-event briefing adds to the facts (null for other messages).
 */
public record Rendered(String subject, String text, String html, PostEventFacts postEvent) {
    public Rendered(String subject, String text, String html) {
        this(subject, text, html, null);
    }
}
