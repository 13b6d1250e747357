import { useQuery } from '@tanstack/react-query';
import { getHeatMap } from '../api/risk-api';

/** The heat map; `['risk']` is refreshed whenever an assessment changes. */
export function useHeatMap() {
  return useQuery({ queryKey: ['risk', 'heat-map'], queryFn: getHeatMap });
}
