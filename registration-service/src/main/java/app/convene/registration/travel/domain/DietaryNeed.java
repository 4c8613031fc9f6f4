package app.convene.registration.travel.domain;

/** A dietary need the caterer plans for; OTHER is described in the arrangement's dietary note. */
public enum DietaryNeed {
    VEGETARIAN, VEGAN, GLUTEN_FREE, LACTOSE_FREE, HALAL, KOSHER, NUT_ALLERGY, OTHER
}
