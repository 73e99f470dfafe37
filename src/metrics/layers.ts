/** Layer identities, in request order from the client inwards. */
export const layerNames = ['browser', 'cdn', 'app', 'redis', 'database'] as const;
export type LayerName = (typeof layerNames)[number];
export const BROWSER = 0;
export const CDN = 1;
export const APP = 2;
export const REDIS = 3;
export const DATABASE = 4;
