/** Typed library failures, so the views can say what went wrong and offer the right action. */
export type LibraryErrorCode =
  | 'not-found' // no paper with that id, or its note vanished from disk
  | 'malformed' // the note's front matter does not parse; it is left untouched
  | 'invalid-change' // a patch with an impossible value (e.g. a date that is no date)
  | 'busy' // another writer held the note's lock too long
  | 'conflict'; // the note kept changing under us

export class LibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    message: string,
    /** The note concerned, when there is one. */
    readonly file?: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}
