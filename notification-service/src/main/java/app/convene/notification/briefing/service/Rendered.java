package app.convene.notification.briefing.service;

/** A message written for one reader: its subject, its text, and its HTML (null for alerts, which are text only). */
public record Rendered(String subject, String text, String html) {
}
