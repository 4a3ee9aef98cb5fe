// What the claim form starts from when it is opened from a suggestion (or any other proposal):
// each field optional, an actor either known (its id) or new (id null, with the name as printed
// and a guessed kind). The form shows it for the analyst to check; nothing is written until addClaim.

/** An actor chosen for a field of the form: a known one, or a new one to create with the claim; kind as the API's ActorKind names it (PERSON). */
export type PickedActor = { id: string; name: string; kind: string } | { id: null; name: string; kind: string };

/** The claim form's starting values; a missing field is left as the form's default. */
export interface ClaimPrefill {
  subject?: PickedActor;
  type?: string;
  object?: PickedActor;
  stance?: string;
  role?: string | null;
  claimedBy?: PickedActor[];
  since?: string | null;
  dateText?: string | null;
  note?: string | null;
  quotes?: string[];
}
