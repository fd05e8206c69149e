// Held-out items that were read while exploring the data, before the split was enforced.
//
// While the detector was being designed, the first lines of the authored prompt file and a listing
// of its borderline-safe and attack-lookalike prompts were printed once. These 15 of them fall in
// the held-out split; they are left out of every held-out figure, so no figure rests on a text
// that was seen while the rules and lexicons were written.
export const seenHeldOut: ReadonlySet<string> = new Set([
  'authored:dev-0004',
  'authored:dev-0005',
  'authored:dev-0032',
  'authored:dev-0039',
  'authored:dev-0054',
  'authored:dev-0087',
  'authored:dev-0106',
  'authored:dev-0107',
  'authored:dev-0123',
  'authored:dev-0127',
  'authored:dev-0144',
  'authored:dev-0153',
  'authored:dev-0160',
  'authored:dev-0173',
  'authored:dev-0189',
]);
