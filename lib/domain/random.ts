/**
 * A small seeded pseudo-random generator for the decision tools that sample (the Monte Carlo
 * robustness check), so the same seed gives the same figures on the server, in every browser and
 * in tests. Not for anything secret.
 *
 * - Uniforms come from sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128 bits of
 *   state, a counter that rules out short cycles), using only 32-bit integer operations, so the
 *   sequence is the same on every JavaScript engine.
 * - The four state words are filled from the seed by splitmix32, so nearby seeds (1, 2, 3…) give
 *   unrelated sequences, and the first 12 outputs are thrown away to mix the state further.
 * - Normal variates use Marsaglia's polar method (no trigonometry; the second value of each pair is
 *   kept for the next call). Gamma variates use Marsaglia and Tsang's method, with the usual
 *   boost Gamma(a) = Gamma(a + 1) · U^(1/a) for shapes below 1.
 */

const TWO_TO_THE_32 = 4_294_967_296;

/** splitmix32: one step, returning the next state and an output word. */
function splitmix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return [next, (z ^ (z >>> 15)) >>> 0];
}

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = Number.NaN;

  /** Any finite number; it is reduced to 32 bits (`seed >>> 0`), so 1 and 2³² + 1 are the same seed. */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`A seed must be a finite number, got ${seed}`);
    let state = seed >>> 0;
    let output: number;
    [state, output] = splitmix32(state);
    this.a = output;
    [state, output] = splitmix32(state);
    this.b = output;
    [state, output] = splitmix32(state);
    this.c = output;
    [, output] = splitmix32(state);
    this.d = output;
    for (let warmUp = 0; warmUp < 12; warmUp++) this.nextUint32();
  }

  /** A uniform integer 0..2³²−1. */
  nextUint32(): number {
    // sfc32: a, b, c mix; d is the counter.
    const result = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + result) | 0;
    return result >>> 0;
  }

  /** Uniform on [0, 1), in steps of 2⁻³². */
  next(): number {
    return this.nextUint32() / TWO_TO_THE_32;
  }

  /** Uniform on (0, 1): never exactly 0 or 1, for logarithms and powers. */
  nextOpen(): number {
    return (this.nextUint32() + 0.5) / TWO_TO_THE_32;
  }

  /** Standard normal (mean 0, variance 1), by Marsaglia's polar method. */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = Number.NaN;
      return spare;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      this.spareNormal = v * factor;
      return u * factor;
    }
  }

  /**
   * Gamma with the given shape and scale 1 (mean = variance = shape), by Marsaglia and Tsang,
   * "A simple method for generating gamma variables" (2000). Shape 0 gives 0, the limit.
   */
  gamma(shape: number): number {
    if (!Number.isFinite(shape) || shape < 0) throw new RangeError(`A gamma shape must be a finite number of at least 0, got ${shape}`);
    if (shape === 0) return 0;
    if (shape < 1) return this.gamma(shape + 1) * this.nextOpen() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const base = 1 + c * x;
      if (base <= 0) continue;
      const v = base * base * base;
      const u = this.nextOpen();
      // The cheap squeeze accepts about 98% of draws without a logarithm.
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }
}
