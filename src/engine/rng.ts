/**
 * Named random streams. Every component draws from its own stream, derived from
 * the scenario seed and the component's name, so that adding or changing one
 * component never shifts the numbers another one sees (common random numbers
 * across variants). Alea is used for speed (~10x ARC4) and has a 2^116 period.
 */
import seedrandom from 'seedrandom';

export type Uniform = () => number;

export class RandomStreams {
  constructor(readonly seed: number) {}

  /** A uniform [0,1) generator unique to (seed, name). */
  stream(name: string): Uniform {
    return seedrandom.alea(`${this.seed}\u0000${name}`);
  }
}
