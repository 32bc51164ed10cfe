import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import type { ReactNode } from 'react';

export const WIDTH = 560;
export const HEIGHT = 320;
export const MARGIN = { top: 16, right: 16, bottom: 44, left: 52 };
export const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
export const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** One series colour per index, from the dashboard's palette variables; readable as dashes too. */
export const SERIES = ['var(--accent)', '#c2410c', '#15803d', '#7c3aed', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4d7c0f', '#1d4ed8', '#57534e', '#9333ea'];
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '', '6 3', '2 3', '8 3 2 3', '', '6 3', '2 3', '8 3 2 3'];

type Scale = Parameters<typeof AxisBottom>[0]['scale'];

/**
 * The SVG every chart draws in: a titled figure with axes (visx), so every chart has the same size, fonts and
 * accessible name. The data table that goes with it is the caller's.
 */
export function ChartFrame(props: { chart: string; title: string; x: Scale; y: Scale; xLabel: string; yLabel: string; hideYAxis?: boolean; children: ReactNode; caption: ReactNode }) {
  const titleId = `${props.chart}-chart-title`;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        data-chart={props.chart}
        style={{ width: '100%', maxWidth: `${WIDTH}px`, height: 'auto', background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 'var(--radius)' }}
      >
        <title id={titleId}>{props.title}</title>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {props.children}
          <AxisBottom top={PLOT_H} scale={props.x} numTicks={5} label={props.xLabel} stroke="var(--muted)" tickStroke="var(--muted)" />
          {props.hideYAxis !== true && <AxisLeft scale={props.y} numTicks={5} label={props.yLabel} stroke="var(--muted)" tickStroke="var(--muted)" />}
        </Group>
      </svg>
      <figcaption className="table-note">{props.caption}</figcaption>
    </figure>
  );
}
