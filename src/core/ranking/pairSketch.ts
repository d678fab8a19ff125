/**
 * How many distinct word pairs a corpus has, estimated in 4 KB while its words are scanned
 * (HyperLogLog, Flajolet et al. 2007; ~1.6% standard error), so the fit can make its pair
 * counting table the right size once instead of doubling it: each doubling left the old tables
 * behind as garbage (7.5 MB of them for 50,000 abstracts) until the next full collection.
 */
import { pairHash } from './pairTable';

const BITS = 12;
const REGISTERS = 1 << BITS;

export class PairSketch {
  private readonly registers = new Uint8Array(REGISTERS);

  add(a: number, b: number): void {
    const h = pairHash(a, b);
    // The top BITS bits pick a register; it keeps the longest run of leading zeros of the rest, plus one.
    const r = h >>> (32 - BITS);
    const rank = Math.clz32((h << BITS) | (1 << (BITS - 1))) + 1;
    if (rank > this.registers[r]) this.registers[r] = rank;
  }

  estimate(): number {
    let sum = 0;
    let zeros = 0;
    for (let r = 0; r < REGISTERS; r++) {
      sum += 2 ** -this.registers[r];
      if (this.registers[r] === 0) zeros++;
    }
    const raw = ((0.7213 / (1 + 1.079 / REGISTERS)) * REGISTERS * REGISTERS) / sum;
    // Small counts: linear counting of the empty registers is the better estimate.
    return raw <= 2.5 * REGISTERS && zeros > 0 ? REGISTERS * Math.log(REGISTERS / zeros) : raw;
  }
}
