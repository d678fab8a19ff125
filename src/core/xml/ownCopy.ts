/**
 * V8 represents a substring of 13 or more characters as a view ("sliced string") that keeps its
 * whole parent in memory. Strings kept beyond the text they were cut from (shared values, name
 * caches) are copied first, so that they keep nothing else alive. A JSON round trip is the
 * cheapest copy in V8 that yields a plain string of exactly the value, lone surrogates included
 * (a concatenation and slice leaves a view of the copy behind).
 */

/** Shorter substrings are copied by V8 itself (SlicedString::kMinLength). */
const MIN_VIEW_LENGTH = 13;

/** `s` as a string that shares no memory with any other. */
export function ownCopy(s: string): string {
  return s.length < MIN_VIEW_LENGTH ? s : (JSON.parse(JSON.stringify(s)) as string);
}
