// The README's example, compiled with the generated clients by the build (TypeScriptClientTest).
import { Configuration, RegistrationsApi, type RegistrationResponse } from "../target/generated-clients/registration";

export async function registerAttendee(eventId: string, token: string): Promise<RegistrationResponse> {
  const registrations = new RegistrationsApi(new Configuration({
    basePath: "http://localhost:8081",
    accessToken: token,
  }));
  // One key per intended registration: a retry with the same key (after a timeout, say) replays the first answer
  // instead of registering twice.
  const idempotencyKey = crypto.randomUUID();
  return registrations.registerAttendee({
    eventId,
    idempotencyKey,
    registerRequest: {
      attendee: { email: "ada.lindqvist@example.org", name: "Ada Lindqvist", language: "sv" },
    },
  });
}
