// Small SVG pictures of how the graph draws a kind, a type or a status: the legend's keys and
// the search suggestions' markers, drawn from the same palette as the graph.
import { svg } from '../app/dom.ts';
import { kindLook, statusLook, typeColor, type NodeShape } from './palette.ts';

const shapePoints: Partial<Record<NodeShape, string>> = {
  hexagon: '4,2 12,2 16,8 12,14 4,14 0,8',
  diamond: '8,0 16,8 8,16 0,8',
  triangle: '8,1 16,15 0,15',
  octagon: '5,0 11,0 16,5 16,11 11,16 5,16 0,11 0,5',
  barrel: '2,0 14,0 16,8 14,16 2,16 0,8',
};

export function kindSwatch(kind: string): SVGElement {
  const look = kindLook(kind);
  const paint = { fill: look.color, stroke: '#ffffff', 'stroke-width': 1 };
  const points = shapePoints[look.shape];
  const shape =
    look.shape === 'ellipse'
      ? svg('circle', { cx: 8, cy: 8, r: 7.5, ...paint })
      : look.shape === 'round-rectangle'
        ? svg('rect', { x: 0.5, y: 0.5, width: 15, height: 15, rx: 4, ...paint })
        : svg('polygon', { points: points ?? '0,0 16,0 16,16 0,16', ...paint });
  return svg('svg', { width: 16, height: 16, viewBox: '0 0 16 16', class: 'swatch', 'aria-hidden': 'true' }, shape);
}

function line(color: string, dash: string | null, width: number): SVGElement {
  const attributes: Record<string, string | number> = { x1: 1, y1: 8, x2: 22, y2: 8, stroke: color, 'stroke-width': width };
  if (dash) attributes['stroke-dasharray'] = dash;
  return svg('line', attributes);
}

export function typeSwatch(type: string): SVGElement {
  const color = typeColor(type);
  return svg(
    'svg',
    { width: 30, height: 16, viewBox: '0 0 30 16', class: 'swatch', 'aria-hidden': 'true' },
    line(color, null, 3),
    svg('polygon', { points: '21,3 29,8 21,13', fill: color }),
  );
}

const dashes: Record<string, string | null> = { solid: null, dashed: '5,3', dotted: '2,2' };

export function statusSwatch(status: string): SVGElement {
  const look = statusLook(status);
  const lines = look.outline ? [line(look.outline, null, 4.5)] : [];
  lines.push(line(look.outline ? '#ffffff' : '#404a5c', null, look.outline ? 1.5 : 0), line('#404a5c', dashes[look.lineStyle] ?? null, look.outline ? 1.5 : 2.5));
  return svg('svg', { width: 30, height: 16, viewBox: '0 0 30 16', class: 'swatch', 'aria-hidden': 'true' }, ...lines);
}

/** An undated tie as drawn as of a date: a hollow arrowhead. */
export function undatedSwatch(): SVGElement {
  return svg(
    'svg',
    { width: 30, height: 16, viewBox: '0 0 30 16', class: 'swatch', 'aria-hidden': 'true' },
    line('#404a5c', null, 2.5),
    svg('polygon', { points: '21,3.5 28,8 21,12.5', fill: '#ffffff', stroke: '#404a5c', 'stroke-width': 1.5 }),
  );
}
