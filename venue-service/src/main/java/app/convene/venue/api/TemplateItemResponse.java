package app.convene.venue.api;

public record TemplateItemResponse(int position, String description, boolean mandatory, int dueHoursBeforeStart) {
}
