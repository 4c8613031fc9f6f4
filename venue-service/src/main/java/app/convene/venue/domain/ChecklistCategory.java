package app.convene.venue.domain;

public enum ChecklistCategory {
    MAINTENANCE, CLEANING, AV, CATERING_SETUP, ACCESSIBILITY, FIRE_SAFETY
}
