package app.convene.budget.domain;

public enum LineCategory {
    VENUE, CATERING, AV, TRAVEL, ACCOMMODATION, INSURANCE, MARKETING, STAFF, OTHER
}
