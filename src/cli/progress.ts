/**
 * A progress bar on stderr (simulated time done, events/s, ETA), shown only when
 * stderr is a terminal and --quiet is not given. It never touches results.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(fraction: number, events: number): void;
  stop(): void;
}

export function progressBar(enabled: boolean, label: string): Progress {
  if (!enabled || !process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {rate} events/s | ETA {eta}s`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(1000, 0, { rate: '0' });
  return {
    update(fraction, events) {
      const secs = (performance.now() - started) / 1000;
      bar.update(Math.round(fraction * 1000), { rate: secs > 0 ? Math.round(events / secs).toLocaleString('en-US') : '0' });
    },
    stop() {
      bar.stop();
    },
  };
}
