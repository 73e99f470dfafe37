/**
 * Staleness per layer: which layer served each stale read, and how old the
 * superseded version was. A read is stale when the version it returns is older
 * than the database's current version at that moment; its age is now minus the
 * time that version was superseded. The collector keeps the all-layer figures;
 * this splits them by the layer that answered.
 */
import { LogHistogram } from './histogram.ts';
import { layerNames } from './layers.ts';

export class LayerStaleness {
  readonly staleReads = new Float64Array(layerNames.length);
  readonly ages: LogHistogram[] = layerNames.map(() => new LogHistogram());

  record(layer: number, ageUs: number): void {
    if (layer < 0 || layer >= layerNames.length) return;
    this.staleReads[layer]++;
    this.ages[layer].record(ageUs);
  }
}
