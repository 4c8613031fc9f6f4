package app.convene.notification.briefing.api;

public record Headcount(int confirmed, int waitlisted, int checkedIn, int noShows) {
}
