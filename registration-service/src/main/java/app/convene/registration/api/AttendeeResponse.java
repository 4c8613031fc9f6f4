package app.convene.registration.api;

import java.util.Map;

public record AttendeeResponse(String email, String name, String organisation, Map<String, Object> answers) {
}
