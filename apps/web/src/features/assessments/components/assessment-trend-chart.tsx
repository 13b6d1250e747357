import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { RISK_LEVELS, riskLevelRank, type RiskLevel } from '@vigil/domain';
import { levelLabel } from './assessment-labels';

/** One finalised month on the chart. */
export interface TrendPoint {
  period: string;
  level: RiskLevel;
}

const levelAt = (rank: unknown): string => {
  const level = typeof rank === 'number' ? RISK_LEVELS[rank] : undefined;
  return level ? levelLabel(level) : '';
};

/**
 * The overall level of each finalised month as a line. The chart is an image to assistive
 * technology, named with the same figures; the history table beside it has them too.
 */
export function AssessmentTrendChart({ points }: { points: TrendPoint[] }) {
  const data = points.map((p) => ({ period: p.period, rank: riskLevelRank(p.level) }));
  const description = points.map((p) => `${p.period} ${levelLabel(p.level)}`).join(', ');
  return (
    <figure className="trend-chart">
      <div role="img" aria-label={`Overall risk level by month: ${description}`}>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#c9d1da" />
            <XAxis dataKey="period" tick={{ fontSize: 12 }} />
            <YAxis
              domain={[0, RISK_LEVELS.length - 1]}
              ticks={RISK_LEVELS.map((_, index) => index)}
              allowDecimals={false}
              tickFormatter={levelAt}
              width={80}
              tick={{ fontSize: 12 }}
            />
            <Tooltip formatter={(value) => [levelAt(value), 'Overall level']} />
            <Line
              type="linear"
              dataKey="rank"
              name="Overall level"
              stroke="#1b4d89"
              strokeWidth={2}
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted">Overall risk level of each finalised month.</figcaption>
    </figure>
  );
}
