import type { ApiSchemas } from '@vigil/client';
import { api, unwrap } from '../../../lib/api-client';

export type HeatMap = ApiSchemas['HeatMapResponse'];
export type HeatMapRow = ApiSchemas['HeatMapRow'];
export type HeatMapFactor = ApiSchemas['HeatMapFactor'];

/** Readable situations with a finalised assessment: level, trend and rating per factor. */
export function getHeatMap(): Promise<HeatMap> {
  return unwrap(api.GET('/api/risk/heat-map'));
}
