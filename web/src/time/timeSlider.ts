// The "as of" slider: one step per month from 1999 to 2016, and "all time" at the right end.
// Moving it reports the date as a partial date ("2014-09") or null for all time. Beside it, a
// readout of the undated ties it draws from their first report, which it cannot place (undatedTies.ts).
import { el } from '../app/dom.ts';
import { allTimeStep, asOfToStep, firstYear, lastYear, minStep, stepToAsOf } from './timeScale.ts';

export class TimeSlider {
  readonly input: HTMLInputElement;
  private readonly label: HTMLElement;
  private readonly undated: HTMLElement;

  constructor(container: HTMLElement, onChange: (asOf: string | null) => void) {
    this.input = el('input', {
      type: 'range',
      min: String(minStep),
      max: String(allTimeStep),
      step: '1',
      value: String(allTimeStep),
      'data-testid': 'time-slider',
      'aria-label': 'As of date',
    });
    this.label = el('output', { 'data-testid': 'time-label', class: 'time-label' });
    const allTime = el('button', { type: 'button', 'data-testid': 'time-all', title: 'Show every relationship, whatever its dates' }, 'All time');
    this.undated = el('output', {
      'data-testid': 'time-undated',
      class: 'time-undated',
      title: 'Ties the sources give no dates for hold from when they were first reported: drawn from then on, each labelled with when.',
    });
    this.undated.hidden = true;
    const ticks = el('div', { class: 'time-ticks', 'aria-hidden': 'true' });
    for (let year = firstYear; year <= lastYear; year += 1) {
      ticks.append(el('span', { style: `left: ${(((year * 12 - minStep) / (allTimeStep - minStep)) * 100).toFixed(2)}%` }, year % 2 === 1 ? String(year) : ''));
    }
    ticks.append(el('span', { style: 'left: 100%' }, '∞'));
    const step = (delta: number) => {
      this.input.value = String(Math.min(allTimeStep, Math.max(minStep, Number(this.input.value) + delta)));
      this.input.dispatchEvent(new Event('input'));
    };
    const back = el('button', { type: 'button', title: 'One month earlier', 'data-testid': 'time-back' }, '◀');
    const forward = el('button', { type: 'button', title: 'One month later', 'data-testid': 'time-forward' }, '▶');
    back.addEventListener('click', () => step(-1));
    forward.addEventListener('click', () => step(1));
    allTime.addEventListener('click', () => {
      this.input.value = String(allTimeStep);
      this.input.dispatchEvent(new Event('input'));
    });
    this.input.addEventListener('input', () => {
      const asOf = stepToAsOf(Number(this.input.value));
      this.showLabel(asOf);
      onChange(asOf);
    });
    container.replaceChildren(
      el('span', { class: 'time-title' }, 'As of'),
      this.label,
      back,
      el('div', { class: 'time-track' }, this.input, ticks),
      forward,
      allTime,
      this.undated,
    );
    this.showLabel(null);
  }

  set(asOf: string | null): void {
    this.input.value = String(asOf === null ? allTimeStep : asOfToStep(asOf));
    this.showLabel(asOf);
  }

  /** "3 undated ties shown, reported 2002-09 – 2016-07", or nothing (null). */
  showUndated(readout: string | null): void {
    this.undated.textContent = readout ?? '';
    this.undated.hidden = readout === null;
  }

  private showLabel(asOf: string | null): void {
    this.label.textContent = asOf ?? 'all time';
  }
}
