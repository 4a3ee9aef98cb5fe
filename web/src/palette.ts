// How the vocabulary looks: a colour and a shape per actor kind, a colour per relationship
// type, a line style per claim status. Terms the vocabulary gains later get a colour derived
// from their name, so the legend and the graph always agree.

export type NodeShape = 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'triangle' | 'barrel' | 'octagon';

export interface KindLook {
  color: string;
  shape: NodeShape;
}

const kindLooks: Record<string, KindLook> = {
  GROUP: { color: '#d0453b', shape: 'hexagon' },
  PERSON: { color: '#3b7dd8', shape: 'ellipse' },
  STATE: { color: '#2e9156', shape: 'round-rectangle' },
  ORGANIZATION: { color: '#8a5cc2', shape: 'diamond' },
  PLACE: { color: '#d49a1c', shape: 'triangle' },
};

const typeColors: Record<string, string> = {
  PLEDGED_ALLEGIANCE_TO: '#c0392b',
  COOPERATES_WITH: '#27ae60',
  MEMBER_OF: '#2980b9',
  LEADS: '#8e44ad',
  PART_OF: '#16a085',
  SPLIT_FROM: '#e67e22',
  OPERATES_IN: '#b8a400',
  OPPOSES: '#2c3e50',
  AFFILIATED_WITH: '#7f8c8d',
  CITIZEN_OF: '#a0785a',
  ACCUSES: '#d35400',
  SEEKS_ASSISTANCE_FROM: '#1abc9c',
  FUNDS: '#f39c12',
  THREATENS: '#e84393',
  ATTACKED: '#7b1e1e',
  REPRESSES: '#6c5ce7',
  MET_WITH: '#00a8c6',
  SPOKE_TO: '#95a5a6',
};

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface StatusLook {
  lineStyle: LineStyle;
  /** A second colour around the line, for claims someone contests. */
  outline: string | null;
}

const statusLooks: Record<string, StatusLook> = {
  REPORTED: { lineStyle: 'solid', outline: null },
  ALLEGED: { lineStyle: 'dashed', outline: null },
  DISPUTED: { lineStyle: 'dotted', outline: '#ff1f1f' },
};

function hashHue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

export function kindLook(kind: string): KindLook {
  return kindLooks[kind] ?? { color: `hsl(${hashHue(kind)}, 45%, 50%)`, shape: 'octagon' };
}

export function typeColor(type: string): string {
  return typeColors[type] ?? `hsl(${hashHue(type)}, 60%, 40%)`;
}

export function statusLook(status: string): StatusLook {
  return statusLooks[status] ?? { lineStyle: 'dashed', outline: '#888888' };
}

/** "PLEDGED_ALLEGIANCE_TO" -> "pledged allegiance to", for edge labels. */
export function typeLabel(type: string): string {
  return type.toLowerCase().replaceAll('_', ' ');
}
