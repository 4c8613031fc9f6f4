package app.convene.registration.travel.domain;

/** How an attendee travels to the event; NONE: they need no travel (e.g. they live there). */
public enum TravelMode {
    AIR, RAIL, CAR, COACH, OTHER, NONE
}
