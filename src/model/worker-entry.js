// Worker-thread entry for parallel runs (--jobs): registers tsx, then serves runs from worker.ts.
import { register } from 'tsx/esm/api';

register();
const { runOne } = await import('./worker.ts');
export default runOne;
