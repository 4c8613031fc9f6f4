package app.convene.registration.meeting.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Where a page of meeting series (by first date, then id) ends: the last series' first date and id. */
public record SeriesPosition(LocalDate firstDate, UUID id) {
    public static SeriesPosition of(MeetingSeries series) {
        return new SeriesPosition(series.firstDate, series.id);
    }
}
