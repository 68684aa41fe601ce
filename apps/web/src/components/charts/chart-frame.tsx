/** The box every chart draws in: a fixed height, the full width, resized with its container. */
import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

export interface ChartFrameProps {
  readonly height: number;
  /** One Recharts chart (BarChart, LineChart, ScatterChart). */
  readonly children: ReactNode;
}

/** A `.chart-frame` of `height` px holding a chart that fills it. */
export function ChartFrame({ height, children }: ChartFrameProps) {
  return (
    <div className="chart-frame" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}
