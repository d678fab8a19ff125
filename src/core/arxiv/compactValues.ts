/**
 * Parsed papers are kept by the thousand (a 2,000-entry page, a daily feed of 1,500 items), so
 * what each one holds beyond its text is a sizeable part of a parse's memory. These two helpers
 * keep that overhead down without changing any value.
 */

import { ownCopy } from '../xml/ownCopy';

// Bounded, so that odd input cannot grow it without limit; when full it starts over.
const MAX_SHARED = 4096;
const sharedValues = new Map<string, string>();

/**
 * One string for each distinct value of the few fields papers repeat (categories, licences,
 * announce types): the papers of a feed then share a handful of strings instead of a copy each.
 */
export function shared(value: string): string {
  const known = sharedValues.get(value);
  if (known !== undefined) return known;
  if (sharedValues.size >= MAX_SHARED) sharedValues.clear();
  // The map outlives the parse, so it keeps a copy of its own: a value of 13 characters or more
  // may be a view of a longer string (see xml/ownCopy.ts), which it would keep alive.
  const own = ownCopy(value);
  sharedValues.set(own, own);
  return own;
}

/**
 * The list with room for just its items. V8 gives an array that grows by push room for 17
 * items at once; a copy holds only its length.
 */
export function fitted<T>(items: T[]): T[] {
  return items.slice();
}

/** The empty list papers share. */
export const NONE: readonly never[] = Object.freeze([]);

/**
 * `fitted`, for lists that papers only ever read (their type is readonly): an empty one is a
 * single shared frozen array. Most authors have no affiliations and most papers no ACM/MSC
 * codes, and an array costs 32 bytes however empty.
 */
export function fittedOrNone<T>(items: T[]): readonly T[] {
  return items.length === 0 ? NONE : items.slice();
}

/**
 * A list refilled for every record, kept as a fitted copy. V8 frees an array's storage when its
 * length is set to 0, so an array emptied that way allocates it again on its next push: this
 * list keeps its storage and counts its items itself.
 */
export class ScratchList<T> {
  private readonly items: T[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Emptied, for the next record. */
  clear(): this {
    this.count = 0;
    return this;
  }

  push(item: T): void {
    this.items[this.count++] = item;
  }

  at(i: number): T | undefined {
    return i < this.count ? this.items[i] : undefined;
  }

  includes(item: T): boolean {
    for (let i = 0; i < this.count; i++) if (this.items[i] === item) return true;
    return false;
  }

  /** The items in an array of their own, with room for just them (as `fitted`). */
  fitted(): T[] {
    return this.items.slice(0, this.count);
  }

  /** As `fittedOrNone`. */
  fittedOrNone(): readonly T[] {
    return this.count === 0 ? NONE : this.fitted();
  }
}
